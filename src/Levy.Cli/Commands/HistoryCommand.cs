using System.CommandLine;
using Levy.Core.Calculation;
using Levy.Core.Reports;
using Levy.Data.Rulebook;
using Spectre.Console;

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
            cli.Data.Countries, cli.Data.Catalogue) with { Scenario = scenario };

        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(report);
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("From").AddColumn("To").AddColumn(new TableColumn("Total").RightAligned()).AddColumn("Duties (beyond the ordinary rate)").AddColumn("Revision");
        foreach (HistorySegmentView r in report.Segments)
        {
            table.AddRow($"{r.From:yyyy-MM-dd}", $"{r.To:yyyy-MM-dd}", r.TotalPercent is { } total ? RateCommand.ShowPercent(total) : (r.Problem is null ? "?" : "—"),
                Markup.Escape(r.Problem ?? (r.Duties.Count == 0 ? "none" : string.Join(", ", r.Duties))), r.Revision ?? string.Empty);
        }

        string under = scenario == PolicyRulebookReader.Actual ? string.Empty : $" — [yellow]scenario {Markup.Escape(scenario)}[/]";
        cli.Console.MarkupLine($"[bold]{template.Product}[/] from [bold]{Markup.Escape(cli.Data.Countries.FindByIso(template.Origin)!.Name)}[/]{under}");
        cli.Console.Write(table);
        return ExitCodes.Success;
    }
}
