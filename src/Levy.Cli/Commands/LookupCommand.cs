using System.CommandLine;
using Levy.Core.Primitives;
using Levy.Core.Reports;
using Levy.Core.Schedule;
using Spectre.Console;

namespace Levy.Cli.Commands;

/// <summary><c>levy lookup CODE</c>: one line of the schedule, with its description path, units, the three rate columns
/// (as printed and as parsed), its footnotes and the Chapter 99 headings they point to.</summary>
internal static class LookupCommand
{
    private static readonly Argument<string> Code = new("code")
    {
        Description = "HTS code as you would type it: 8703.23.01.90, 8703230190, 8703.23.01 or 8703.",
    };

    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("lookup", "Show one HTS line: description path, units, rates as printed and parsed, footnotes and their Chapter 99 headings.")
        {
            Code,
            RevisionOption.Date,
            RevisionOption.Revision,
            GlobalOptions.Json,
        };
        command.SetAction(parse => Run(context(parse), parse));
        return command;
    }

    private static int Run(CliContext cli, ParseResult parse)
    {
        HtsCode code = HtsCode.Parse(parse.GetValue(Code)!);
        (HtsRevision revision, DateOnly? date) = RevisionOption.Resolve(cli, parse);
        TariffSchedule schedule = cli.Data.Archive.Get(revision.Id);
        HtsProduct product = schedule.FindProduct(code) ?? throw NotFound(schedule, code);
        LookupReport report = LookupReport.From(cli.Data.Catalogue, cli.Data.Timeline, schedule, product, date);
        if (date is { } day)
        {
            report = report.WithFreshness(cli.Data.Catalogue.Freshness(day, cli.Today, revision.Id));
        }

        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(report);
            return ExitCodes.Success;
        }

        Render(cli.Console, report);
        return ExitCodes.Success;
    }

    internal static CliException NotFound(TariffSchedule schedule, HtsCode code)
    {
        HtsCode? nearest = schedule.Nearest(code);
        return new CliException(ExitCodes.NotFound,
            $"Unknown HTS code {code} in {schedule.Revision}" + (nearest is { } n ? $" (nearest: {n})." : "."));
    }

    private static void Render(IAnsiConsole console, LookupReport r)
    {
        CliContext.WriteDataNotice(console, r);
        string governs = r.GovernsFrom is { } gf && r.GovernsUntil is { } gu
            ? $"governs entries {gf:yyyy-MM-dd} → {gu:yyyy-MM-dd}"
            : "editorial: governs no entry date";
        string forDate = r.Date is { } d ? $"; read for entries on {d:yyyy-MM-dd}" : string.Empty;
        console.MarkupLine($"[bold]{r.Code}[/]  HTS {Markup.Escape(r.RevisionName)} — {governs} (published {r.InForceFrom:yyyy-MM-dd}){forDate}");
        if (r.RevisionNote is { } note)
        {
            console.WriteLine(note);
        }
        console.WriteLine();
        for (int i = 0; i < r.DescriptionPath.Count; i++)
        {
            console.WriteLine(new string(' ', 2 * i) + (i == 0 ? string.Empty : "> ") + r.DescriptionPath[i]);
        }

        console.WriteLine();
        console.WriteLine($"Units: {(r.Units.Count == 0 ? "(none)" : string.Join(", ", r.Units))}");
        if (r.RateSource is { } source && source != r.Code)
        {
            console.WriteLine($"Rates printed on {source}.");
        }

        var rates = new Table().Border(TableBorder.Simple).AddColumn("Column").AddColumn("As printed").AddColumn("Read as");
        foreach ((string name, RateCellView? cell) in new[] { ("General", r.General), ("Special", r.Special), ("Column 2", r.Column2) })
        {
            rates.AddRow(name, Markup.Escape(cell?.Printed ?? "(blank)"), Markup.Escape(cell?.Meaning ?? string.Empty));
        }

        console.Write(rates);
        if (r.Footnotes.Count > 0)
        {
            console.WriteLine("Footnotes:");
            foreach (FootnoteView f in r.Footnotes)
            {
                console.WriteLine($"  [{f.Columns}] {f.Text}");
            }
        }

        if (r.Chapter99.Count > 0)
        {
            console.WriteLine();
            console.WriteLine("Chapter 99 headings named in the footnotes (they apply only where their own terms are met):");
            foreach (HeadingView h in r.Chapter99)
            {
                console.MarkupLine($"  [bold]{h.Code}[/]  {Markup.Escape(h.General ?? "(no rate)")}");
                console.WriteLine("      " + (h.Description ?? "(not printed in this revision)"));
            }
        }
    }
}
