using System.Collections.Immutable;
using System.CommandLine;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Inputs;
using Levy.Core.Trade;
using Levy.Data.Trade;
using Spectre.Console;
using PercentText = Levy.Core.Text.PercentText;

namespace Levy.Cli.Commands;

/// <summary><c>levy formula</c>: the April 2025 reciprocal formula from bilateral trade, compared with the published rates.</summary>
internal static class FormulaCommand
{
    private static readonly Option<decimal> Elasticity = CliInputs.Number(UserInputs.Elasticity, "epsilon, the elasticity of import demand (USTR: 4).", 4m);

    private static readonly Option<decimal> PassThrough = CliInputs.Number(UserInputs.PassThrough, "phi, the pass-through of tariffs to import prices (USTR: 0.25; the study USTR cites finds about 0.945).", 0.25m);

    private static readonly Option<decimal> Floor = CliInputs.Number(UserInputs.Floor, "The minimum rate (USTR: 0.10).", 0.10m);

    private static readonly Option<decimal> Halving = CliInputs.Number(UserInputs.Halving, "The share of the computed rate charged (USTR: 0.5).", 0.5m);

    private static readonly Option<bool> Compare = new("--compare") { Description = "Compare with the rates published in April 2025 (Annex I of EO 14257)." };

    private static readonly Option<string?> Trade = new("--trade") { Description = "Bilateral trade table (default: trade/us_goods_trade_2024_top10_partners.csv)." };

    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("formula", "The April 2025 reciprocal formula: rate = max(floor, halving x (imports - exports) / (elasticity x pass-through x imports)), from bilateral trade.")
        {
            Elasticity, PassThrough, Floor, Halving, Compare, Trade, GlobalOptions.Json,
        };
        command.SetAction(parse => Run(context(parse), parse));
        return command;
    }

    private static int Run(CliContext cli, ParseResult parse)
    {
        var parameters = new FormulaParameters(parse.GetValue(Elasticity), parse.GetValue(PassThrough), parse.GetValue(Floor), parse.GetValue(Halving));
        if (parameters.Elasticity * parameters.PassThrough <= 0)
        {
            throw new CliException(ExitCodes.InvalidInput, "--elasticity x --pass-through must be positive.");
        }

        string? given = parse.GetValue(Trade);
        string path = given ?? cli.Data.Files.Describe("trade/" + TradeTables.BilateralTradeFile);
        IReadOnlyList<PublishedTrade> partners = given is not null ? TradeTables.ReadBilateralTrade(given) : TradeTables.ReadBilateralTrade(cli.Data.Files);
        var annex = TradeTables.ReadAnnexRates(cli.Data.Files).ToDictionary(r => r.Partner, StringComparer.OrdinalIgnoreCase);
        bool compare = parse.GetValue(Compare);
        var policy = new PolicyFacts(cli.Data.Policy.Rulebook, cli.Data.Countries);
        var rows = partners.Select(p =>
        {
            FormulaRate r = ReciprocalFormula.Compute(p.Trade, parameters);
            decimal published = p.PublishedPercent / 100m;
            return new FormulaPartnerView(
                p.Trade.Partner,
                p.Trade.Name,
                p.Trade.Exports,
                p.Trade.Imports,
                Math.Round(r.Charged, 4),
                Math.Round(r.Rate, 4),
                r.RoundedUp,
                compare ? published : null,
                // Measured from the rounded rate printed beside it, so that "Rounded up 24.00%, Published 24.00%" reads 0.00 pts.
                compare ? Math.Round(r.RoundedUp - published, 4) : null,
                compare ? Math.Abs(r.Rate - published) <= 0.01m : null,
                compare ? Why(p, r, parameters, annex, policy) : null);
        }).ToList();

        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(new FormulaView(parameters, path, rows));
            return ExitCodes.Success;
        }

        cli.Console.MarkupLine($"rate = max({PercentText.Fixed((double)parameters.Floor)}, {parameters.Halving} x (imports - exports) / ({parameters.Elasticity} x {parameters.PassThrough} x imports)); 2024 goods trade, $ billion ({Markup.Escape(Path.GetFileName(given ?? TradeTables.BilateralTradeFile))}).");
        var table = new Table().Border(TableBorder.Simple).AddColumn("Partner").AddColumn(new TableColumn("Exports").RightAligned()).AddColumn(new TableColumn("Imports").RightAligned())
            .AddColumn(new TableColumn("Charged").RightAligned()).AddColumn(new TableColumn("Rate").RightAligned()).AddColumn(new TableColumn("Rounded up").RightAligned());
        if (compare)
        {
            table.AddColumn(new TableColumn("Published").RightAligned()).AddColumn(new TableColumn("Diff (rounded)").RightAligned()).AddColumn("Why");
        }

        foreach (var r in rows)
        {
            var cells = new List<string> { Markup.Escape(r.Name), $"{r.Exports:0.0}", $"{r.Imports:0.0}", PercentText.Fixed((double)r.Charged), PercentText.Fixed((double)r.Rate), PercentText.Fixed((double)r.RoundedUp) };
            if (compare)
            {
                cells.Add(PercentText.Fixed((double)r.Published!.Value));
                cells.Add(AnalysisOptions.Points((double)r.Difference!.Value));
                cells.Add(Markup.Escape(r.Why ?? string.Empty));
            }

            table.AddRow(cells.ToArray());
        }

        cli.Console.Write(table);
        return ExitCodes.Success;
    }

    /// <summary>The date of EO 14257, whose Annex I the formula is compared with.</summary>
    private static readonly DateOnly AnnexDate = new(2025, 4, 2);

    /// <summary>What the rulebook says about the partners the formula is compared for: who already paid an IEEPA fentanyl
    /// duty when Annex I was published (Canada and Mexico, left out of the annex), and which group the EU rate covers.</summary>
    private sealed record PolicyFacts(Rulebook Rulebook, CountryDirectory Countries)
    {
        public bool PaysFentanylOnAnnexDate(CountryCode partner) => Rulebook.Measures.Any(m =>
            m.Authority == Authority.IeepaFentanyl && m.PeriodOn(AnnexDate) is not null && m.Countries?.Contains(partner) == true);

        public string EuGroup => Rulebook.Roles.EuropeanUnionGroup;

        public ImmutableArray<CountryCode> EuMembers => Countries.GroupMembers(EuGroup);
    }

    /// <summary>Why the formula's rate differs from the published one (or that it does not, beyond USTR's rounding).</summary>
    private static string Why(PublishedTrade p, FormulaRate r, FormulaParameters parameters, Dictionary<string, AnnexRate> annex, PolicyFacts policy)
    {
        decimal published = p.PublishedPercent / 100m;
        bool inAnnex = annex.ContainsKey(p.Trade.Partner);
        bool isCountry = CountryCode.TryParse(p.Trade.Partner, out CountryCode partner);
        if (!inAnnex && isCountry && policy.PaysFentanylOnAnnexDate(partner))
        {
            return $"not in Annex I: {PercentText.Of(published)} is the IEEPA fentanyl rate";
        }

        if (!inAnnex && isCountry && annex.TryGetValue(policy.EuGroup, out AnnexRate? eu) && policy.EuMembers.Contains(partner))
        {
            return $"{policy.EuGroup} rate ({eu.RatePercent}%), from {policy.EuGroup}-{policy.EuMembers.Length} trade";
        }

        if (r.Charged * parameters.Halving < r.Rate && r.Rate == published)
        {
            return "the floor applies (U.S. surplus or small deficit)";
        }

        if (Math.Abs(r.Rate - published) <= 0.01m)
        {
            return r.Rate == published ? "exact"
                : r.RoundedUp == published ? "rounded up to a whole percent"
                : Math.Round(r.Rate * 100m, MidpointRounding.AwayFromZero) / 100m == published ? "rounded to nearest, not up"
                : "within a point";
        }

        return "differs by more than a point";
    }
}

/// <summary>What <c>levy formula --json</c> writes.</summary>
/// <param name="Parameters">The formula's parameters.</param>
/// <param name="Trade">The trade file the figures come from.</param>
/// <param name="Partners">One row per trading partner.</param>
internal sealed record FormulaView(FormulaParameters Parameters, string Trade, IReadOnlyList<FormulaPartnerView> Partners);

/// <summary>One partner in <c>levy formula --json</c>.</summary>
/// <param name="Partner">The partner's code in the trade file.</param>
/// <param name="Name">The partner's name.</param>
/// <param name="Exports">U.S. exports to the partner, $ billion.</param>
/// <param name="Imports">U.S. imports from the partner, $ billion.</param>
/// <param name="Charged">The rate the formula says the partner charges (a fraction, 4 places).</param>
/// <param name="Rate">The formula's reciprocal rate (a fraction, 4 places).</param>
/// <param name="RoundedUp">That rate rounded up as USTR did.</param>
/// <param name="Published">The published rate (with --compare), else null.</param>
/// <param name="Difference">Rounded-up rate minus published rate (with --compare), else null.</param>
/// <param name="WithinOnePoint">True when the unrounded rate is within one point of the published one (with --compare), else null.</param>
/// <param name="Why">Why the two differ (with --compare), else null.</param>
internal sealed record FormulaPartnerView(string Partner, string Name, decimal Exports, decimal Imports, decimal Charged, decimal Rate, decimal RoundedUp,
    decimal? Published, decimal? Difference, bool? WithinOnePoint, string? Why);
