using System.CommandLine;
using Levy.Core.Schedule;
using Levy.Data.Locating;
using Levy.Data.Sync;
using Spectre.Console;

namespace Levy.Cli.Commands;

/// <summary><c>levy data info</c>: which data folder is in use and why, the rulebook, every file with its size, hash and
/// manifest status, the revisions missing from the catalogue, and the problems found; <c>--verify</c> also reads every
/// file in full.</summary>
internal static class DataInfoCommand
{
    private static readonly Option<bool> Verify = new("--verify")
    {
        Description = "Also re-read every file (every HTS revision in full) and report corrupt ones; exit code 4 when any "
            + "file is corrupt or differs from manifest.json.",
    };

    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("info", "Show the data folder in use and why, the rulebook, each file's size, SHA-256 and manifest status, "
            + "missing revisions and problems.\n" + ExitCodes.Help)
        {
            Verify,
            GlobalOptions.Json,
        };
        command.SetAction(parse => Run(context(parse), parse));
        return command;
    }

    private static int Run(CliContext cli, ParseResult parse)
    {
        DataDirectory directory = DataLocator.Locate(parse.GetValue(GlobalOptions.DataDir));
        DataInventory inventory = DataInventory.Take(directory, DataCommand.Rulebook(parse), parse.GetValue(Verify));
        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(InfoView.From(inventory));
        }
        else
        {
            Render(cli.Console, cli.Output, inventory);
        }

        if (inventory.ManifestProblem is { } corrupt)
        {
            cli.Error.WriteLine($"error: {corrupt}.");
            return ExitCodes.DataError;
        }

        if (inventory.Verified && inventory.BadFiles.Any())
        {
            cli.Error.WriteLine($"error: {inventory.BadFiles.Count()} data files are corrupt or differ from manifest.json: "
                + string.Join(", ", inventory.BadFiles.Select(f => f.File)) + ".");
            return ExitCodes.DataError;
        }

        return ExitCodes.Success;
    }

    /// <summary>Why the locator chose the folder, in words.</summary>
    internal static string Reason(string source) => source switch
    {
        "--data-dir" => "given with --data-dir",
        "$" + DataLocator.EnvironmentVariable => $"named by ${DataLocator.EnvironmentVariable}",
        "./data" => $"no --data-dir or ${DataLocator.EnvironmentVariable}; ./data holds data",
        "../shared/data" => $"no --data-dir, ${DataLocator.EnvironmentVariable} or ./data with data; ../shared/data holds data",
        _ => source,
    };

    // Lines of text go straight to stdout (Spectre would wrap long paths at the console width); the table goes through Spectre.
    private static void Render(IAnsiConsole console, TextWriter output, DataInventory inv)
    {
        output.WriteLine($"Data folder: {inv.Directory.Root}");
        output.WriteLine($"  found via {inv.Directory.Source} ({Reason(inv.Directory.Source)})");
        output.WriteLine($"Rulebook: {inv.RulebookOrigin}");
        output.WriteLine(inv.Manifest is { } m
            ? $"Manifest: {m.Files.Count} files recorded, updated {m.UpdatedAt:yyyy-MM-dd HH:mm:ss}Z by levy {m.LevyVersion}"
            : inv.ManifestProblem is not null
                ? "Manifest: CORRUPT (see the problems below); the files cannot be checked against their hashes"
                : "Manifest: none (the folder was not filled by levy data sync)");
        output.WriteLine($"HTS revisions: {inv.RevisionFilesPresent} files present, {inv.CatalogueRevisions.Count} in the catalogue, "
            + $"{inv.MissingRevisions.Count} missing.");
        output.WriteLine();

        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("File").AddColumn(new TableColumn("Size").RightAligned()).AddColumn("SHA-256").AddColumn("Present").AddColumn("Manifest");
        if (inv.Verified)
        {
            table.AddColumn("Content");
        }

        foreach (DataFileStatus f in inv.Files)
        {
            var cells = new List<string>
            {
                Markup.Escape(f.File) + (f.Listed ? string.Empty : " [grey](unlisted)[/]"),
                f.Size is { } size ? $"{size:N0}" : string.Empty,
                DataInventory.Short(f.Sha256),
                f.Present ? "yes" : f.MirrorOnly ? "[yellow]missing[/] (mirror-only)" : "[red]missing[/]",
                ManifestText(f.Manifest, f.Present),
            };
            if (inv.Verified)
            {
                cells.Add(!f.Present ? string.Empty : f.Problem is null ? "ok" : "[red]corrupt[/]");
            }

            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        if (inv.Problems.Count == 0)
        {
            output.WriteLine(inv.Verified ? "No problems found; every file was read in full." : "No problems found (run with --verify to read every file).");
            return;
        }

        output.WriteLine($"Problems ({inv.Problems.Count}):");
        foreach (string problem in inv.Problems)
        {
            output.WriteLine($"  - {problem}");
        }
    }

    private static string ManifestText(ManifestMatch match, bool present) => match switch
    {
        _ when !present => string.Empty,
        ManifestMatch.Matches => "matches",
        ManifestMatch.Differs => "[red]differs[/]",
        ManifestMatch.NotRecorded => "not recorded",
        _ => "-",
    };

    /// <summary>The JSON shape of <c>levy data info --json</c>.</summary>
    private sealed record InfoView(
        string DataFolder,
        string FoundVia,
        string Reason,
        string Rulebook,
        ManifestView? Manifest,
        RevisionsView Revisions,
        bool Verified,
        IReadOnlyList<FileView> Files,
        IReadOnlyList<string> Problems)
    {
        internal static InfoView From(DataInventory inv) => new(
            inv.Directory.Root,
            inv.Directory.Source,
            DataInfoCommand.Reason(inv.Directory.Source),
            inv.RulebookOrigin,
            inv.Manifest is { } m ? new ManifestView(inv.Directory.ManifestPath, m.Files.Count, m.UpdatedAt, m.LevyVersion) : null,
            new RevisionsView(inv.CatalogueRevisions.Count, inv.RevisionFilesPresent, inv.MissingRevisions),
            inv.Verified,
            inv.Files.Select(f => new FileView(f.File, f.Listed, f.Present, f.MirrorOnly, f.Size, f.Sha256, f.Manifest, f.Revision, f.Problem)).ToList(),
            inv.Problems);
    }

    private sealed record ManifestView(string Path, int Files, DateTimeOffset? UpdatedAt, string? LevyVersion);

    private sealed record RevisionsView(int Catalogue, int Present, IReadOnlyList<HtsRevisionId> Missing);

    private sealed record FileView(string File, bool Listed, bool Present, bool MirrorOnly, long? Size, string? Sha256, ManifestMatch Manifest,
        HtsRevisionId? Revision, string? Problem);
}
