using System.CommandLine;
using System.Globalization;
using System.Text;
using Levy.Core.Inputs;
using Levy.Analysis.Panels;
using Levy.Core.Calculation;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Levy.Core.Reports;
using Spectre.Console;
using PercentText = Levy.Core.Text.PercentText;

namespace Levy.Cli.Commands;

/// <summary><c>levy etr</c>: effective tariff rates, daily, for countries or groups, by authority.</summary>
internal static class EtrCommand
{
    private static readonly Option<string?> Panel = new("--panel")
    {
        Description = "Read the rows from a panel file (levy panel build) instead of computing them.",
    };

    private static readonly Option<string?> Daily = new("--daily") { Description = "Write the daily series to this CSV file." };

    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("etr", "Effective tariff rates: the mean rate over product-country pairs, every day, for countries or groups, by authority (unweighted, or import-weighted with --weights).")
        {
            AnalysisOptions.Countries, AnalysisOptions.From, AnalysisOptions.To, AnalysisOptions.Weights, AnalysisOptions.CountryWeights, Panel,
            AnalysisOptions.Scenario, AnalysisOptions.NoUsmca, AnalysisOptions.UnitValues, Daily, GlobalOptions.Json,
        };
        command.SetAction(parse => Run(context(parse), parse));
        return command;
    }

    /// <summary>Computes the series of the options' groups (from a panel file, or by building the panel for their countries).</summary>
    internal static (IReadOnlyList<RateSeries> Series, PanelSummary? Build) Series(CliContext cli, ParseResult parse, string? panelFile = null)
    {
        (DateOnly from, DateOnly to) = AnalysisOptions.Dates(cli, parse);
        IReadOnlyList<SeriesGroup> groups = AnalysisOptions.Groups(cli, parse, AnalysisOptions.CountryWeightsOf(cli, parse));
        var builder = new RateSeriesBuilder(from, to, groups, AnalysisOptions.ImportWeightsOf(cli, parse));
        if (panelFile is not null)
        {
            if (parse.GetValue(AnalysisOptions.UnitValues) is not null)
            {
                throw new CliException(ExitCodes.InvalidInput, "--unit-values applies when the panel is built; a panel file carries the values it was built with (levy panel build --unit-values).");
            }

            try
            {
                ParquetPanelReader.ReadAsync(panelFile, builder, builder.Countries.ToHashSet()).GetAwaiter().GetResult();
            }
            catch (FileNotFoundException ex)
            {
                throw new CliException(ExitCodes.NotFound, ex.Message);
            }

            return (builder.Build(), null);
        }

        var request = new PanelRequest
        {
            Countries = [.. builder.Countries.Order()],
            From = from,
            To = to,
            Preferences = AnalysisOptions.PreferencesOf(cli, parse),
            UnitValues = AnalysisOptions.UnitValuesOf(parse),
        };
        PanelSummary summary = AnalysisOptions.Build(cli, AnalysisOptions.EngineOf(cli, parse), request, builder, "levy etr");
        return (builder.Build(), summary);
    }

    private static int Run(CliContext cli, ParseResult parse)
    {
        using OutputFile? dailyFile = parse.GetValue(Daily) is { } daily ? OutputFile.Prepare(AnalysisOptions.OutPath(daily, "etr-daily.csv"), "--daily") : null;
        (IReadOnlyList<RateSeries> series, PanelSummary? summary) = Series(cli, parse, parse.GetValue(Panel));
        if (dailyFile is not null)
        {
            WriteDaily(dailyFile.WriteTo, series);
            dailyFile.Commit();
        }

        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(new EtrView(parse.GetValue(AnalysisOptions.Scenario), [.. series.Select(s => RateSeriesView.Create(s))], summary));
            return ExitCodes.Success;
        }

        foreach (RateSeries s in series)
        {
            cli.Console.MarkupLine($"[bold]{Markup.Escape(s.Name)}[/]: mean {PercentText.Fixed(s.Average())} over {s.From:yyyy-MM-dd} to {s.To:yyyy-MM-dd}; {Markup.Escape(s.Weighting)}.");
            var table = new Table().Border(TableBorder.Simple).AddColumn("From").AddColumn("To").AddColumn(new TableColumn("Total").RightAligned());
            Authority[] shown = [.. Enum.GetValues<Authority>().Where(a => s.Component(a).Any(v => double.IsFinite(v) && Math.Abs(v) > 1e-9))];
            foreach (Authority a in shown)
            {
                table.AddColumn(new TableColumn(Label(a)).RightAligned());
            }

            bool estimated = s.AveEstimatedShares.Any(v => v > 0d);
            table.AddColumn(new TableColumn("Pairs").RightAligned()).AddColumn(new TableColumn("Specific").RightAligned());
            if (estimated)
            {
                table.AddColumn(new TableColumn("Estimated").RightAligned());
            }

            foreach ((int day, int last) in s.Spans())
            {
                var cells = new List<string> { $"{s.DateOf(day):yyyy-MM-dd}", $"{s.DateOf(last):yyyy-MM-dd}", PercentText.Fixed(s.Totals[day]) };
                cells.AddRange(shown.Select(a => PercentText.Fixed(s.Component(a)[day])));
                cells.Add(s.Pairs[day].ToString("N0", CultureInfo.InvariantCulture));
                cells.Add(PercentText.Fixed(s.NeedsValueShares[day]));
                if (estimated)
                {
                    cells.Add(PercentText.Fixed(s.AveEstimatedShares[day]));
                }

                table.AddRow(cells.ToArray());
            }

            cli.Console.Write(table);
        }

        cli.Console.MarkupLine("Specific: share of pairs whose rate is specific or compound and has no equivalent (its specific part counts as 0, docs/panel.md).");
        if (series.Any(s => s.AveEstimatedShares.Any(v => v > 0d)))
        {
            cli.Console.MarkupLine("Estimated: share of pairs whose specific or compound rate has an ad valorem equivalent estimated from --unit-values (docs/etr.md).");
        }
        return ExitCodes.Success;
    }

    internal static string Label(Authority a) => Authorities.Of(a).Label;

    private static void WriteDaily(string path, IReadOnlyList<RateSeries> series)
    {
        var text = new StringBuilder("date,group,total,");
        text.Append(string.Join(',', PanelColumns.Authorities)).Append(",pairs,needs_value_share,ave_estimated_share\n");
        foreach (RateSeries s in series)
        {
            for (int d = 0; d < s.Days; d++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{s.DateOf(d):yyyy-MM-dd},{Csv(s.Name)},{Number(s.Totals[d])}");
                foreach (Authority a in Enum.GetValues<Authority>())
                {
                    text.Append(',').Append(Number(s.Component(a)[d]));
                }

                text.Append(CultureInfo.InvariantCulture, $",{s.Pairs[d]:0.##},{Number(s.NeedsValueShares[d])},{Number(s.AveEstimatedShares[d])}\n");
            }
        }

        File.WriteAllText(path, text.ToString());

        static string Number(double v) => double.IsFinite(v) ? v.ToString("0.########", CultureInfo.InvariantCulture) : string.Empty;
        static string Csv(string v) => v.Contains(',', StringComparison.Ordinal) ? $"\"{v}\"" : v;
    }
}

/// <summary>What <c>levy etr --json</c> writes.</summary>
/// <param name="Scenario">The scenario the rates were computed under.</param>
/// <param name="Groups">One rate series per country group.</param>
/// <param name="Build">How the panel behind the series was built, or null when it was read from a file.</param>
internal sealed record EtrView(string? Scenario, IReadOnlyList<RateSeriesView> Groups, PanelSummary? Build);
