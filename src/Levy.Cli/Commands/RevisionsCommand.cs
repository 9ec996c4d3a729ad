using System.CommandLine;
using Levy.Core.Reports;
using Levy.Core.Schedule;
using Spectre.Console;

namespace Levy.Cli.Commands;

/// <summary><c>levy revisions</c>: every HTS revision with its dates and whether its file is present.</summary>
internal static class RevisionsCommand
{
    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("revisions", "List every HTS revision: when it took effect, the legal date of its main action, and what changed.")
        {
            GlobalOptions.Json,
        };
        command.SetAction(parse => Run(context(parse), parse.GetValue(GlobalOptions.Json)));
        return command;
    }

    private static int Run(CliContext cli, bool json)
    {
        RevisionCatalogue catalogue = cli.Data.Catalogue;
        var present = cli.Data.Archive.Available.Select(r => r.Id).ToHashSet();
        IReadOnlyList<RevisionView> rows = RevisionView.ListFrom(catalogue, present.Contains);

        if (json)
        {
            cli.WriteJson(new RevisionListView(catalogue.Horizon, cli.Data.Location.Where, cli.Data.Location.Source, rows));
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Revision").AddColumn("In force").AddColumn("Legal date").AddColumn("File").AddColumn("Policy event");
        foreach (RevisionView r in rows)
        {
            table.AddRow(
                Markup.Escape(r.Id.ShortName),
                $"{r.EffectiveDate:yyyy-MM-dd} → {r.LastDay:yyyy-MM-dd}",
                r.PolicyEffectiveDate?.ToString("yyyy-MM-dd") ?? string.Empty,
                r.FilePresent ? "yes" : "[red]missing[/]",
                Markup.Escape(r.PolicyEvent ?? string.Empty));
        }

        cli.Console.Write(table);
        cli.Output.WriteLine($"{rows.Count} revisions, {present.Count} files in {cli.Data.Location}; dates beyond {catalogue.Horizon:yyyy-MM-dd} are outside the data.");
        return ExitCodes.Success;
    }
}

/// <summary>What <c>levy revisions --json</c> writes.</summary>
/// <param name="Horizon">The last day the catalogue covers.</param>
/// <param name="DataFolder">Where the data was read from (a folder or a bundle).</param>
/// <param name="DataSource">How that data was found.</param>
/// <param name="Revisions">The revisions, oldest first.</param>
internal sealed record RevisionListView(DateOnly Horizon, string DataFolder, string DataSource, IReadOnlyList<RevisionView> Revisions);
