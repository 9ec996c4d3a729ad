using System.CommandLine;
using Levy.Core.Calculation;
using Levy.Core.Reports;
using Levy.Data.Rulebook;
using Spectre.Console;
using PercentText = Levy.Core.Text.PercentText;

namespace Levy.Cli.Commands;

/// <summary><c>levy history CODE --origin C</c>: how the duty changed at every policy change and revision.</summary>
internal static class HistoryCommand
{
    private static readonly Option<string?> From = new("--from") { Description = "First date (default: 2025-01-01)." };
    private static readonly Option<string?> To = new("--to") { Description = "Last date (default: the end of the data)." };

    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("history", "How the duty on a product from a country changed over 2025-2026: one row per period with the same duties.")
        {
            RateCommand.Code, RateCommand.Origin, From, To, RateCommand.Program, RateCommand.Value, RateCommand.Quantity,
            RateCommand.SteelShare, RateCommand.AluminumShare, RateCommand.CopperShare, RateCommand.UsContent, RateCommand.Declare,
            RateCommand.Additive, AnalysisOptions.Scenario, GlobalOptions.Json,
        };
        command.SetAction(parse => Run(context(parse), parse));
        return command;
    }

    private static int Run(CliContext cli, ParseResult parse)
    {
        string scenario = parse.GetValue(AnalysisOptions.Scenario)!;
        TariffEngine engine = AnalysisOptions.EngineOf(cli, scenario);
        QuoteRequest template = RateCommand.Request(cli, parse, engine.Timeline.First);
        DateOnly? from = parse.GetValue(From) is { } f ? RevisionOption.ParseDate(f, "--from") : null;
        DateOnly? to = parse.GetValue(To) is { } t ? RevisionOption.ParseDate(t, "--to") : null;
        IReadOnlyList<HistorySegment> segments = engine.History(template, from, to);
        HistoryReport report = HistoryReport.Create(template, from ?? engine.Timeline.First, to ?? engine.Timeline.Horizon, segments,
            cli.Data.Countries, cli.Data.Catalogue, engine.Timeline) with { Scenario = scenario };
        report = report.WithFreshness(report.FreshnessOn(cli.Data.Catalogue, cli.Today));

        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(report);
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("From").AddColumn("To").AddColumn(new TableColumn("Total").RightAligned()).AddColumn("Duties (beyond the ordinary rate)").AddColumn("Revisions");
        foreach (HistorySegmentView r in report.Segments)
        {
            table.AddRow($"{r.From:yyyy-MM-dd}", $"{r.To:yyyy-MM-dd}", r.TotalPercent is { } total ? PercentText.OfPercent(total, 3) : (r.Problem is null ? "?" : "—"),
                Markup.Escape(r.Problem ?? Duties(r)), Markup.Escape(r.Revisions ?? string.Empty));
        }

        string under = scenario == PolicyRulebookReader.Actual ? string.Empty : $" — [yellow]scenario {Markup.Escape(scenario)}[/]";
        CliContext.WriteDataNotice(cli.Console, report);
        cli.Console.MarkupLine($"[bold]{template.Product}[/] from [bold]{Markup.Escape(cli.Data.Countries.FindByIso(template.Origin)!.Name)}[/]{under}");
        cli.Console.Write(table);
        cli.Console.WriteLine("Periods that read alike are one row; Revisions names the revisions whose text governs its first and last day.");
        return ExitCodes.Success;
    }

    /// <summary>The duties of a period, then the headings declared without a duty (exemptions), so that two periods that
    /// differ only in what is declared do not read alike.</summary>
    private static string Duties(HistorySegmentView r)
    {
        string duties = r.Duties.Count == 0 ? "none" : string.Join(", ", r.Duties);
        string[] declaredOnly = [.. r.Chapter99.Where(h => !r.Duties.Any(d => d.StartsWith(h + " ", StringComparison.Ordinal)))];
        return declaredOnly.Length == 0 ? duties : $"{duties}; declares {string.Join(", ", declaredOnly)} (no duty)";
    }
}
