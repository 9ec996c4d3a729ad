using System.CommandLine;
using Levy.Core.Primitives;
using Levy.Core.Schedule;
using Spectre.Console;

namespace Levy.Cli.Commands;

/// <summary><c>levy diff FROM TO</c>: lines added, removed, and with changed rates between two revisions.</summary>
internal static class DiffCommand
{
    private static readonly Argument<string> From = new("from") { Description = "The older revision (2025_rev_6)." };
    private static readonly Argument<string> To = new("to") { Description = "The newer revision (2025_rev_7)." };

    private static readonly Option<string?> Within = new("--within")
    {
        Description = "Only codes under this prefix (e.g. 9903 for Chapter 99 headings, 72 for a chapter).",
    };

    private static readonly Option<bool> All = new("--all")
    {
        Description = "Also list description, unit and footnote changes, and show every row (tables stop at 50 rows by default).",
    };

    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("diff", "Compare two revisions: lines added, removed, and lines whose rates changed.")
        {
            From, To, Within, All, GlobalOptions.Json,
        };
        command.SetAction(parse => Run(context(parse), parse));
        return command;
    }

    private static int Run(CliContext cli, ParseResult parse)
    {
        HtsRevisionId from = HtsRevisionId.Parse(parse.GetValue(From)!), to = HtsRevisionId.Parse(parse.GetValue(To)!);
        HtsCode scope = parse.GetValue(Within) is { } w ? HtsCode.Parse(w) : default;
        bool all = parse.GetValue(All);
        ScheduleDiff diff = ScheduleDiff.Compare(cli.Data.Archive.Get(from), cli.Data.Archive.Get(to), scope);
        var changes = (all ? diff.Changed : diff.RateChanges).ToList();

        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(new DiffView(
                from.ShortName,
                to.ShortName,
                scope.IsEmpty ? null : scope.ToString(),
                [.. diff.Added.Select(DiffLineView.From)],
                [.. diff.Removed.Select(DiffLineView.From)],
                [.. changes.Select(c => new DiffChangeView(
                    c.Code.ToString(),
                    c.Fields.ToString(),
                    c.Before.General?.Text,
                    c.After.General?.Text,
                    c.Before.Special?.Text,
                    c.After.Special?.Text,
                    c.Before.Other?.Text,
                    c.After.Other?.Text,
                    (c.Fields & ChangedFields.Description) != 0 ? c.Before.Description : null,
                    (c.Fields & ChangedFields.Description) != 0 ? c.After.Description : null))]));
            return ExitCodes.Success;
        }

        IAnsiConsole console = cli.Console;
        console.MarkupLine($"[bold]{from} → {to}[/]{(scope.IsEmpty ? string.Empty : $" within {scope}")}: " +
            $"{diff.Added.Length} added, {diff.Removed.Length} removed, {diff.RateChanges.Count()} with changed rates" +
            (all ? $", {diff.Changed.Length} changed in all" : string.Empty) + ".");
        int max = all ? int.MaxValue : 50;
        WriteLines(console, "Added", diff.Added, max);
        WriteLines(console, "Removed", diff.Removed, max);
        if (changes.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).Title(all ? "Changed" : "Rates changed")
                .AddColumn("Code").AddColumn("Column").AddColumn("Before").AddColumn("After");
            foreach (LineChange c in changes.Take(max))
            {
                foreach ((ChangedFields field, string name, string? before, string? after) in new[]
                {
                    (ChangedFields.General, "General", c.Before.General?.Text, c.After.General?.Text),
                    (ChangedFields.Special, "Special", c.Before.Special?.Text, c.After.Special?.Text),
                    (ChangedFields.Other, "Column 2", c.Before.Other?.Text, c.After.Other?.Text),
                    (ChangedFields.Description, "Description", c.Before.Description, c.After.Description),
                })
                {
                    if ((c.Fields & field) != 0)
                    {
                        table.AddRow(c.Code.ToString(), name, Markup.Escape(before ?? "(blank)"), Markup.Escape(after ?? "(blank)"));
                    }
                }
            }

            console.Write(table);
            if (changes.Count > max)
            {
                console.WriteLine($"… {changes.Count - max} more; use --all or --json for every row.");
            }
        }

        return ExitCodes.Success;
    }

    private static void WriteLines(IAnsiConsole console, string title, IReadOnlyList<HtsLine> lines, int max)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple).Title(title).AddColumn("Code").AddColumn("General").AddColumn("Description");
        foreach (HtsLine l in lines.Take(max))
        {
            string d = l.Description.Length > 100 ? l.Description[..99] + "…" : l.Description;
            table.AddRow(l.Code.ToString(), Markup.Escape(l.General?.Text ?? string.Empty), Markup.Escape(d));
        }

        console.Write(table);
        if (lines.Count > max)
        {
            console.WriteLine($"… {lines.Count - max} more; use --all or --json for every row.");
        }
    }
}

/// <summary>What <c>levy diff --json</c> writes.</summary>
/// <param name="From">The older revision.</param>
/// <param name="To">The newer revision.</param>
/// <param name="Within">The heading or chapter compared, or null for the whole schedule.</param>
/// <param name="Added">Lines only in <paramref name="To"/>.</param>
/// <param name="Removed">Lines only in <paramref name="From"/>.</param>
/// <param name="Changed">Lines in both that changed (rates only, unless <c>--all</c>).</param>
internal sealed record DiffView(string From, string To, string? Within, IReadOnlyList<DiffLineView> Added, IReadOnlyList<DiffLineView> Removed,
    IReadOnlyList<DiffChangeView> Changed);

/// <summary>A line added or removed, in <see cref="DiffView"/>.</summary>
/// <param name="Code">The line's HTS code.</param>
/// <param name="Description">Its description.</param>
/// <param name="General">Its general rate text, or null.</param>
internal sealed record DiffLineView(string Code, string Description, string? General)
{
    internal static DiffLineView From(HtsLine line) => new(line.Code.ToString(), line.Description, line.General?.Text);
}

/// <summary>A line that changed, in <see cref="DiffView"/>: each field before and after (null when absent).</summary>
/// <param name="Code">The line's HTS code.</param>
/// <param name="Fields">Which fields changed.</param>
/// <param name="GeneralBefore">The general rate before.</param>
/// <param name="GeneralAfter">The general rate after.</param>
/// <param name="SpecialBefore">The special rates before.</param>
/// <param name="SpecialAfter">The special rates after.</param>
/// <param name="Column2Before">The column 2 rate before.</param>
/// <param name="Column2After">The column 2 rate after.</param>
/// <param name="DescriptionBefore">The description before, when it changed.</param>
/// <param name="DescriptionAfter">The description after, when it changed.</param>
internal sealed record DiffChangeView(string Code, string Fields, string? GeneralBefore, string? GeneralAfter, string? SpecialBefore, string? SpecialAfter,
    string? Column2Before, string? Column2After, string? DescriptionBefore, string? DescriptionAfter);
