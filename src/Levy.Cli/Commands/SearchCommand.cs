using System.CommandLine;
using System.Diagnostics;
using Levy.Core.Inputs;
using Levy.Core.Reports;
using Levy.Core.Schedule;
using Levy.Core.Search;
using Spectre.Console;

namespace Levy.Cli.Commands;

/// <summary><c>levy search "words"</c>: ranked full-text search over the description paths of a revision.</summary>
internal static class SearchCommand
{
    private static readonly Argument<string[]> Words = new("words")
    {
        Description = "Words to look for (\"passenger motor vehicles spark ignition\"), or an HTS code or prefix (8703.23).",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<int> Limit = CliInputs.Integer(UserInputs.SearchLimit, "How many results to show (1 to 1,000).", 10, "-n");

    private static readonly Option<bool> Statistical = new("--statistical")
    {
        Description = "Only 10-digit statistical lines (the codes an entry declares).",
    };

    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("search", "Find HTS lines by words in their description path, best match first.")
        {
            Words, Limit, Statistical, RevisionOption.Date, RevisionOption.Revision, GlobalOptions.Json,
        };
        command.SetAction(parse => Run(context(parse), parse));
        return command;
    }

    private static int Run(CliContext cli, ParseResult parse)
    {
        string query = string.Join(' ', parse.GetValue(Words)!).Trim();
        if (query.Length == 0)
        {
            throw new CliException(ExitCodes.InvalidInput, CliMessages.SearchNeedsWords);
        }

        int limit = parse.GetValue(Limit);

        (HtsRevision revision, _) = RevisionOption.Resolve(cli, parse);
        TariffSchedule schedule = cli.Data.Archive.Get(revision.Id);
        var clock = Stopwatch.StartNew();
        ScheduleSearchIndex index = cli.Data.SearchIndex(schedule);
        double buildMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        IReadOnlyList<SearchHit> hits = index.Search(query, limit, parse.GetValue(Statistical));
        double searchMs = clock.Elapsed.TotalMilliseconds;
        if (parse.GetValue(GlobalOptions.Verbose))
        {
            cli.Error.WriteLine($"index built in {buildMs:F0} ms over {index.DocumentCount} lines; query took {searchMs:F2} ms");
        }

        SearchReport report = SearchReport.From(query, schedule, hits);
        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(report);
            return ExitCodes.Success;
        }

        if (report.Results.Count == 0)
        {
            cli.Console.WriteLine($"No HTS line in {schedule.Revision} matches \"{query}\".");
            return ExitCodes.NotFound;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("#").AddColumn("Code").AddColumn("General").AddColumn("Description path");
        foreach (SearchResultView r in report.Results)
        {
            table.AddRow(r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Code, Markup.Escape(r.General ?? string.Empty), Markup.Escape(Shorten(r.Path, 160)));
        }

        cli.Console.Write(table);
        cli.Console.WriteLine($"HTS {schedule.Revision}; `levy lookup CODE` shows a line in full.");
        return ExitCodes.Success;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : "…" + text[^(max - 1)..];
}
