using System.CommandLine;
using Levy.Core.Calculation;
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
            RateCommand.Additive, GlobalOptions.Json,
        };
        command.SetAction(parse => Run(context(parse), parse));
        return command;
    }

    private static int Run(CliContext cli, ParseResult parse)
    {
        TariffEngine engine = cli.Data.Engine;
        QuoteRequest template = RateCommand.Request(cli, parse, engine.Timeline.First);
        DateOnly? from = parse.GetValue(From) is { } f ? RevisionOption.ParseDate(f, "--from") : null;
        DateOnly? to = parse.GetValue(To) is { } t ? RevisionOption.ParseDate(t, "--to") : null;
        IReadOnlyList<HistorySegment> segments = engine.History(template, from, to);
        var rows = segments.Select(s => new HistoryRow(
            s.From, s.Until!.Value.AddDays(-1), s.Quote?.TotalAdValorem, s.Quote?.Revision.ShortName,
            s.Quote is null ? [] : s.Quote.Components.Skip(1).Where(c => c.Kind != ComponentKind.Exemption)
                .Select(c => $"{c.Heading} {(c.AdValorem is { } a ? RateCommand.Percent(a) : "?")}").ToList(),
            s.Quote is null ? [] : s.Quote.Chapter99Headings.Select(h => h.ToString()).ToList(),
            s.Problem)).ToList();

        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(new { product = template.Product.ToString(), origin = template.Origin.Value, segments = rows });
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("From").AddColumn("To").AddColumn(new TableColumn("Total").RightAligned()).AddColumn("Duties (beyond the ordinary rate)").AddColumn("Revision");
        foreach (HistoryRow r in rows)
        {
            table.AddRow($"{r.From:yyyy-MM-dd}", $"{r.To:yyyy-MM-dd}", r.TotalPercent is { } total ? RateCommand.Percent(total) : (r.Problem is null ? "?" : "—"),
                Markup.Escape(r.Problem ?? (r.Duties.Count == 0 ? "none" : string.Join(", ", r.Duties))), r.Revision ?? string.Empty);
        }

        cli.Console.MarkupLine($"[bold]{template.Product}[/] from [bold]{Markup.Escape(cli.Data.Countries.FindByIso(template.Origin)!.Name)}[/]");
        cli.Console.Write(table);
        return ExitCodes.Success;
    }

    private sealed record HistoryRow(DateOnly From, DateOnly To, decimal? TotalPercent, string? Revision, IReadOnlyList<string> Duties,
        IReadOnlyList<string> Chapter99, string? Problem);
}
