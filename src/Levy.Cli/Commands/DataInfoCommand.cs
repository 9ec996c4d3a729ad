using System.CommandLine;
using Levy.Core.Schedule;
using Levy.Data.Bundle;
using Levy.Data.Locating;
using Levy.Data.Rulebook;
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

    /// <summary>The attribution of the MIT-licensed tables (README, <c>levy data info</c>).</summary>
    internal const string Attribution = "Source: The Budget Lab at Yale, tariff-rate-tracker (MIT licence)";

    /// <summary>Where the other data comes from.</summary>
    internal const string HtsAttribution = "HTS revisions: U.S. International Trade Commission (hts.usitc.gov), a work of the U.S. government (public domain, 17 U.S.C. 105)";

    private static int Run(CliContext cli, ParseResult parse)
    {
        DataLocation location = DataLocator.Find(parse.GetValue(GlobalOptions.DataDir));
        if (location.Bundle is { } bundle)
        {
            return RunBundle(cli, parse, location, bundle);
        }

        DataDirectory directory = location.Folder!;
        DataInventory inventory = DataInventory.Take(directory, DataCommand.Rulebook(parse), parse.GetValue(Verify));
        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(InfoView.From(inventory));
        }
        else
        {
            Render(cli.Console, cli.Output, inventory);
            cli.Output.WriteLine(EmbeddedNote());
            cli.Output.WriteLine(Attribution + "; " + HtsAttribution + ".");
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
        DataLocator.SyncedSource => $"no data folder; levy data sync wrote a newer bundle to {DataLocator.UserDataFolder()}",
        DataLocator.EmbeddedSource => $"no --data-dir, ${DataLocator.EnvironmentVariable}, ./data or ../shared/data with data, and no newer bundle from levy data sync in {DataLocator.UserDataFolder()}",
        _ => source,
    };

    private static string EmbeddedNote() => DataBundle.Embedded is { } e
        ? $"The data folder overrides the bundle embedded in Levy ({e.Revisions.Length} revisions to {e.NewestRevision})."
        : "This build of Levy embeds no data bundle.";

    private static int RunBundle(CliContext cli, ParseResult parse, DataLocation location, DataBundle bundle)
    {
        RulebookFiles rulebook = DataCommand.Rulebook(parse);
        bool compiled = bundle.RulebookFingerprint == rulebook.Fingerprint;
        string? problem = null;
        if (parse.GetValue(Verify))
        {
            try
            {
                bundle.Verify();
            }
            catch (InvalidBundleException ex)
            {
                problem = ex.Message;
            }
        }

        var view = new BundleInfoView(
            location.Where,
            location.Source,
            Reason(location.Source),
            rulebook.Origin,
            compiled,
            new BundleView(bundle.Path, bundle.FormatVersion, bundle.StoredLength, bundle.Description, bundle.Revisions.Length, bundle.Revisions[0],
                bundle.NewestRevision, bundle.Sections.Select(s => new SectionView(s.Name, s.StoredLength, s.Length)).ToList()),
            bundle.Sources,
            parse.GetValue(Verify),
            problem,
            [Attribution, HtsAttribution],
            location.Notes);
        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(view);
        }
        else
        {
            TextWriter o = cli.Output;
            o.WriteLine($"Data: {location.Where}");
            o.WriteLine($"  found via {location.Source} ({view.Reason})");
            o.WriteLine($"Bundle: format {bundle.FormatVersion}, {bundle.StoredLength:N0} bytes, {bundle.Revisions.Length} HTS revisions ({bundle.Revisions[0]} to {bundle.NewestRevision}); {bundle.Description}");
            o.WriteLine(compiled
                ? $"Rulebook: {rulebook.Origin}; the bundle holds it compiled (same fingerprint), so nothing is parsed at start-up"
                : $"Rulebook: {rulebook.Origin}; it differs from the one compiled into the bundle, so it is read from its YAML (run `levy data compile` to compile it)");
            foreach (string note in location.Notes)
            {
                o.WriteLine($"Note: {note}");
            }

            o.WriteLine();
            var table = new Table().Border(TableBorder.Simple).AddColumn("Source file").AddColumn(new TableColumn("Size").RightAligned()).AddColumn("SHA-256");
            foreach (BundleSource s in bundle.Sources)
            {
                table.AddRow(Markup.Escape(s.File), $"{s.Size:N0}", DataInventory.Short(s.Sha256));
            }

            cli.Console.Write(table);
            long stored = bundle.Sections.Sum(s => (long)s.StoredLength), raw = bundle.Sections.Sum(s => (long)s.Length);
            o.WriteLine($"{bundle.Sections.Length} sections, {raw:N0} bytes decompressed, {stored:N0} stored; the largest: "
                + string.Join(", ", bundle.Sections.OrderByDescending(s => s.StoredLength).Take(4).Select(s => $"{s.Name} {s.StoredLength:N0}")) + ".");
            o.WriteLine(parse.GetValue(Verify)
                ? problem is null ? "No problems found; every section was read and checked." : $"Problem: {problem}"
                : "Run with --verify to read and check every section.");
            o.WriteLine(Attribution + "; " + HtsAttribution + ".");
        }

        if (problem is not null)
        {
            cli.Error.WriteLine($"error: {problem}");
            return ExitCodes.DataError;
        }

        return ExitCodes.Success;
    }

    /// <summary>The JSON shape of <c>levy data info --json</c> when the data comes from a bundle.</summary>
    internal sealed record BundleInfoView(string Data, string FoundVia, string Reason, string Rulebook, bool RulebookCompiled, BundleView Bundle,
        IReadOnlyList<BundleSource> Sources, bool Verified, string? Problem, IReadOnlyList<string> Attribution, IReadOnlyList<string> Notes);

    /// <summary>The bundle in <see cref="BundleInfoView"/>.</summary>
    internal sealed record BundleView(string? Path, int Format, long Size, string Description, int Revisions, HtsRevisionId Oldest, HtsRevisionId Newest,
        IReadOnlyList<SectionView> Sections);

    /// <summary>One section of the bundle in <see cref="BundleView"/>.</summary>
    internal sealed record SectionView(string Name, int Stored, int Length);

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
    internal sealed record InfoView(
        string DataFolder,
        string FoundVia,
        string Reason,
        string Rulebook,
        ManifestView? Manifest,
        RevisionsView Revisions,
        bool Verified,
        IReadOnlyList<FileView> Files,
        IReadOnlyList<string> Problems,
        IReadOnlyList<string> Attribution)
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
            inv.Problems,
            [DataInfoCommand.Attribution, DataInfoCommand.HtsAttribution]);
    }

    /// <summary>The folder's manifest in <see cref="InfoView"/>.</summary>
    internal sealed record ManifestView(string Path, int Files, DateTimeOffset? UpdatedAt, string? LevyVersion);

    /// <summary>How many catalogue revisions have their file, in <see cref="InfoView"/>.</summary>
    internal sealed record RevisionsView(int Catalogue, int Present, IReadOnlyList<HtsRevisionId> Missing);

    /// <summary>One data file in <see cref="InfoView"/>.</summary>
    internal sealed record FileView(string File, bool Listed, bool Present, bool MirrorOnly, long? Size, string? Sha256, ManifestMatch Manifest,
        HtsRevisionId? Revision, string? Problem);
}
