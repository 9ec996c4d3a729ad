using System.CommandLine;
using Levy.Core.Inputs;
using Levy.Core.Schedule;

namespace Levy.Cli.Commands;

/// <summary>The <c>--date</c> / <c>--revision</c> pair that picks a schedule, shared by the commands that read one.</summary>
internal static class RevisionOption
{
    internal static Option<string?> Date { get; } = new("--date", "-d")
    {
        Description = "Date of entry (yyyy-MM-dd); the revision in force that day is used. Default: today.",
    };

    internal static Option<string?> Revision { get; } = new("--revision", "-r")
    {
        Description = "A revision by name (2025_rev_10, 2026_basic) instead of a date.",
    };

    /// <summary>The revision chosen by the options, and the date it was chosen for (null when given by name). For a date,
    /// the revision whose text governs entries that day (the legal timeline), the one <c>levy rate</c> reads.</summary>
    internal static (HtsRevision Revision, DateOnly? Date) Resolve(CliContext cli, ParseResult parse)
    {
        string? date = parse.GetValue(Date), revision = parse.GetValue(Revision);
        if (date is not null && revision is not null)
        {
            throw new CliException(ExitCodes.InvalidInput, "Give either --date or --revision, not both.");
        }

        if (revision is not null)
        {
            return (cli.Data.Catalogue.Get(HtsRevisionId.Parse(revision)), null);
        }

        DateOnly day = DateOrToday(cli, parse);
        return (cli.Data.Catalogue.Get(cli.Data.Timeline.ForDate(day)), day);
    }

    /// <summary>The date of <c>--date</c>, or today by the context's clock.</summary>
    internal static DateOnly DateOrToday(CliContext cli, ParseResult parse) =>
        parse.GetValue(Date) is { } d ? ParseDate(d, "--date") : cli.Today;

    /// <summary>Parses an ISO date or says which option was wrong (through the option's input of the table).</summary>
    internal static DateOnly ParseDate(string text, string option) =>
        CliInputs.Date(UserInputs.Find(InputSurface.Cli, option) ?? UserInputs.EntryDate, text);
}
