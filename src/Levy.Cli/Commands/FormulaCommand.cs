using System.CommandLine;
using Levy.Core.Inputs;
using Levy.Core.Trade;
using Levy.Data.Trade;
using Spectre.Console;

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
        var rows = partners.Select(p =>
        {
            FormulaRate r = ReciprocalFormula.Compute(p.Trade, parameters);
            decimal published = p.PublishedPercent / 100m;
            return new
            {
                partner = p.Trade.Partner,
                name = p.Trade.Name,
                exports = p.Trade.Exports,
                imports = p.Trade.Imports,
                charged = Math.Round(r.Charged, 4),
                rate = Math.Round(r.Rate, 4),
                roundedUp = r.RoundedUp,
                published = compare ? published : (decimal?)null,
                // Measured from the rounded rate printed beside it, so that "Rounded up 24.00%, Published 24.00%" reads 0.00 pts.
                difference = compare ? Math.Round(r.RoundedUp - published, 4) : (decimal?)null,
                withinOnePoint = compare ? Math.Abs(r.Rate - published) <= 0.01m : (bool?)null,
                why = compare ? Why(p, r, annex) : null,
            };
        }).ToList();

        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(new { parameters, trade = path, partners = rows });
            return ExitCodes.Success;
        }

        cli.Console.MarkupLine($"rate = max({AnalysisOptions.Percent((double)parameters.Floor)}, {parameters.Halving} x (imports - exports) / ({parameters.Elasticity} x {parameters.PassThrough} x imports)); 2024 goods trade, $ billion ({Markup.Escape(Path.GetFileName(given ?? TradeTables.BilateralTradeFile))}).");
        var table = new Table().Border(TableBorder.Simple).AddColumn("Partner").AddColumn(new TableColumn("Exports").RightAligned()).AddColumn(new TableColumn("Imports").RightAligned())
            .AddColumn(new TableColumn("Charged").RightAligned()).AddColumn(new TableColumn("Rate").RightAligned()).AddColumn(new TableColumn("Rounded up").RightAligned());
        if (compare)
        {
            table.AddColumn(new TableColumn("Published").RightAligned()).AddColumn(new TableColumn("Diff (rounded)").RightAligned()).AddColumn("Why");
        }

        foreach (var r in rows)
        {
            var cells = new List<string> { Markup.Escape(r.name), $"{r.exports:0.0}", $"{r.imports:0.0}", AnalysisOptions.Percent((double)r.charged), AnalysisOptions.Percent((double)r.rate), AnalysisOptions.Percent((double)r.roundedUp) };
            if (compare)
            {
                cells.Add(AnalysisOptions.Percent((double)r.published!.Value));
                cells.Add(AnalysisOptions.Points((double)r.difference!.Value));
                cells.Add(Markup.Escape(r.why ?? string.Empty));
            }

            table.AddRow(cells.ToArray());
        }

        cli.Console.Write(table);
        return ExitCodes.Success;
    }

    /// <summary>Why the formula's rate differs from the published one (or that it does not, beyond USTR's rounding).</summary>
    private static string Why(PublishedTrade p, FormulaRate r, Dictionary<string, AnnexRate> annex)
    {
        decimal published = p.PublishedPercent / 100m;
        bool inAnnex = annex.ContainsKey(p.Trade.Partner);
        if (!inAnnex && p.Trade.Partner is "CA" or "MX")
        {
            return "not in Annex I: 25% is the IEEPA fentanyl rate";
        }

        if (!inAnnex && annex.TryGetValue("EU", out AnnexRate? eu) && p.Note?.Contains("EU", StringComparison.Ordinal) == true)
        {
            return $"EU rate ({eu.RatePercent}%), from EU-27 trade";
        }

        if (r.Charged * 0.5m < r.Rate && r.Rate == published)
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
