using System.Collections.Concurrent;
using System.CommandLine;
using Levy.Core.Schedule;
using Levy.Data.Bundle;
using Levy.Data.Locating;
using Levy.Data.Sync;
using Spectre.Console;

namespace Levy.Cli.Commands;

/// <summary><c>levy data sync</c>: without options, brings the data bundle up to date with the HTS revisions USITC published
/// after it (a new bundle in the user's data folder); with <c>--target</c>, <c>--from</c>, <c>--only</c> or
/// <c>--revision</c>, fetches the official data files into a data folder, checks each one before it replaces the stored
/// copy, and writes <c>manifest.json</c>. The only command that uses the network.</summary>
internal static class DataSyncCommand
{
    private static readonly Option<string[]> Only = CreateOnly();

    private static readonly Option<string[]> Revision = new("--revision", "-r")
    {
        Description = "Sync only this HTS revision, e.g. 2025_rev_7 (repeatable). Implies --only hts.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string?> Target = new("--target")
    {
        Description = "The data folder to fill. Default: --data-dir if given, else ./data.",
    };

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Fetch every selected file again, even when the stored copy matches manifest.json.",
    };

    private static readonly Option<string?> From = new("--from")
    {
        Description = "Copy from a local mirror laid out like a data folder (e.g. ../shared/data) instead of the network; "
            + "the only way to get the mirror-only files.",
    };

    private static readonly Option<string?> BaseUrl = new("--base-url")
    {
        Description = "Fetch every file from this HTTP server instead of its official host: https://HOST/PATH becomes BASE-URL/HOST/PATH.",
    };

    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("sync", "Without options: add the HTS revisions USITC published after the data bundle (its release "
            + "list, then each new revision's JSON) to a new bundle in the user's data folder ($XDG_DATA_HOME/levy or ~/.local/share/levy). "
            + "With --target, --from, --only or --revision: fetch the official data files (USITC HTS revisions, Yale's policy tables) into "
            + "a data folder (default ./data), check each one, and record source, SHA-256 and date in manifest.json; files that match "
            + "manifest.json are skipped.\n" + ExitCodes.Help)
        {
            Only,
            Revision,
            Target,
            Force,
            From,
            BaseUrl,
            GlobalOptions.Json,
        };
        command.SetAction(parse => Run(context(parse), parse));
        return command;
    }

    private static Option<string[]> CreateOnly()
    {
        var only = new Option<string[]>("--only")
        {
            Description = "Sync only these folders: hts, policy or trade (repeatable). Default: all.",
            Arity = ArgumentArity.OneOrMore,
        };
        only.AcceptOnlyFromAmong("hts", "policy", "trade");
        return only;
    }

    private static int Run(CliContext cli, ParseResult parse)
    {
        if (parse.GetValue(Target) is null && parse.GetValue(From) is null && parse.GetValue(Only) is not { Length: > 0 }
            && parse.GetValue(Revision) is not { Length: > 0 } && parse.GetValue(GlobalOptions.DataDir) is null)
        {
            return RunBundleUpdate(cli, parse);
        }

        Levy.Data.Rulebook.RulebookFiles rulebook = DataCommand.Rulebook(parse);
        DataSources sources = DataSources.Load(rulebook);
        SyncOptions options = ReadOptions(parse, sources);
        bool json = parse.GetValue(GlobalOptions.Json);
        if (parse.GetValue(Target) is null && parse.GetValue(GlobalOptions.DataDir) is null && Environment.GetEnvironmentVariable(DataLocator.EnvironmentVariable) is { Length: > 0 } env)
        {
            cli.Error.WriteLine($"note: ${DataLocator.EnvironmentVariable}={env} is read before ./data; pass --target to sync there.");
        }

        var sync = new DataSync(sources, rulebook: rulebook);
        int count = options.Select(sources).Count;
        SyncReport report = cli.IsTerminal
            ? RunWithProgressBars(cli, sync, options, count)
            : sync.RunAsync(options, new LineProgress(cli.Error)).GetAwaiter().GetResult();

        foreach (string warning in report.Warnings)
        {
            cli.Error.WriteLine($"warning: {warning}");
        }

        if (report.Failures.Any() && report.Failures.All(f => f.UnreachableHost is not null))
        {
            // Offline: one line, not one per file.
            string hosts = string.Join(" and ", report.Failures.Select(f => f.UnreachableHost!).Distinct(StringComparer.OrdinalIgnoreCase));
            string reason = report.Failures.First().Error!.Split(": cannot reach ", 2) is [_, var rest] ? rest[(rest.IndexOf(": ", StringComparison.Ordinal) + 2)..] : "unreachable";
            cli.Error.WriteLine($"error: cannot reach {hosts} ({reason}): no network? `levy data sync --from DIR` copies the files from a folder instead.");
            if (json)
            {
                cli.WriteJson(SyncView.From(report));
            }

            return ExitCodes.DataError;
        }

        if (!cli.IsTerminal)
        {
            foreach (SyncFileResult mirrorOnly in report.Files.Where(f => f.Outcome == SyncOutcome.MirrorOnly))
            {
                cli.Error.WriteLine($"mirror-only {mirrorOnly.File} (not fetched; use --from DIR)");
            }
        }

        foreach (SyncFileResult failure in report.Failures)
        {
            cli.Error.WriteLine($"error: {failure.Error}");
        }

        if (json)
        {
            cli.WriteJson(SyncView.From(report));
        }
        else
        {
            Render(cli.Console, cli.Output, report);
        }

        return report.Succeeded ? ExitCodes.Success : ExitCodes.DataError;
    }

    private static SyncOptions ReadOptions(ParseResult parse, DataSources sources)
    {
        HashSet<HtsRevisionId>? revisions = null;
        if (parse.GetValue(Revision) is { Length: > 0 } names)
        {
            revisions = [];
            var known = sources.Revisions.ToHashSet();
            foreach (string name in names)
            {
                HtsRevisionId id = HtsRevisionId.Parse(name);
                if (!known.Contains(id))
                {
                    throw new CliException(ExitCodes.InvalidInput,
                        $"--revision {name}: HTS {id} is not in the sources list (rulebook/{DataSources.FileName}); "
                        + $"it lists {sources.Revisions.First().ShortName} to {sources.Revisions.Last().ShortName}.");
                }

                revisions.Add(id);
            }
        }

        HashSet<DataGroup>? groups = parse.GetValue(Only) is { Length: > 0 } only
            ? only.Select(g => Enum.Parse<DataGroup>(g, ignoreCase: true)).ToHashSet()
            : null;
        if (revisions is not null && groups is not null && !groups.Contains(DataGroup.Hts))
        {
            throw new CliException(ExitCodes.InvalidInput, "--revision selects HTS files: add --only hts or leave --only out.");
        }

        Uri? baseUrl = ParseBaseUrl(parse);
        return new SyncOptions
        {
            Target = parse.GetValue(Target) ?? parse.GetValue(GlobalOptions.DataDir) ?? Path.Combine(Directory.GetCurrentDirectory(), "data"),
            Groups = groups,
            Revisions = revisions,
            Force = parse.GetValue(Force),
            MirrorFrom = parse.GetValue(From),
            BaseUrl = baseUrl,
        };
    }

    private static int RunBundleUpdate(CliContext cli, ParseResult parse)
    {
        DataBundle current = DataLocator.FindBundle()?.Bundle
            ?? throw new CliException(ExitCodes.DataError, "This build of Levy embeds no data bundle to update; use levy data sync --target DIR.");
        Uri? baseUrl = ParseBaseUrl(parse);
        string target = DataLocator.UserDataFolder();
        var update = new BundleUpdate(DataSources.Load(DataCommand.Rulebook(parse)));
        IProgress<SyncProgress> progress = cli.IsTerminal ? new TerminalLineProgress(cli.Error) : new LineProgress(cli.Error);
        BundleUpdateReport report = update.RunAsync(current, target, DataCommand.Rulebook(parse), baseUrl, progress).GetAwaiter().GetResult();
        if (report.Offline is { } offline)
        {
            cli.Error.WriteLine($"error: {offline}");
        }

        foreach (string failure in report.Failures)
        {
            cli.Error.WriteLine($"error: {failure}");
        }

        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(new BundleUpdateView(
                current.Name,
                current.NewestRevision,
                report.Written,
                report.Added,
                [.. report.Files.Select(f => new SyncFileView(f.File, f.Outcome, f.Source, f.Entry?.Sha256, f.Entry?.Size, f.Entry?.RetrievedAt, f.Error))],
                report.Offline,
                report.Failures));
        }
        else if (report.Written is { } written)
        {
            cli.Output.WriteLine($"Added {string.Join(", ", report.Added.Select(a => $"HTS {a.Revision} (published {a.Published:yyyy-MM-dd})"))} to a new bundle: {written}. "
                + "Levy uses it from now on; `levy data info` shows it.");
        }
        else if (report.Succeeded)
        {
            cli.Output.WriteLine($"Up to date: USITC lists no HTS revision after {current.NewestRevision}, the newest in {current.Name}.");
        }

        return report.Succeeded ? ExitCodes.Success : ExitCodes.DataError;
    }

    private static Uri? ParseBaseUrl(ParseResult parse)
    {
        Uri? baseUrl = null;
        if (parse.GetValue(BaseUrl) is { } text
            && (!Uri.TryCreate(text, UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            throw new CliException(ExitCodes.InvalidInput, $"--base-url \"{text}\" is not an http(s) URL.");
        }

        return baseUrl;
    }

    /// <summary>On a terminal: one line per file, rewritten in place while it downloads, then its result.</summary>
    private sealed class TerminalLineProgress(TextWriter error) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value)
        {
            if (value.Result is { } r)
            {
                error.Write('\r');
                error.WriteLine(r.Outcome == SyncOutcome.Failed ? $"failed      {r.File}" : $"{OutcomeText(r.Outcome),-11} {r.File} ({r.Entry?.Size ?? 0:N0} bytes)".PadRight(79));
                return;
            }

            string amount = value.BytesExpected is { } total and > 0
                ? $"{value.BytesReceived / 1e6:F1} of {total / 1e6:F1} MB ({100.0 * value.BytesReceived / total:F0}%)"
                : $"{value.BytesReceived / 1e6:F1} MB";
            error.Write($"\rdownloading {value.File} {amount}".PadRight(79));
        }
    }

    private static SyncReport RunWithProgressBars(CliContext cli, DataSync sync, SyncOptions options, int count)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(cli.Error) });
        SyncReport? report = null;
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false) // one line per file, with its bar, that stays when it is done
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                ProgressTask overall = ctx.AddTask($"{count} files", maxValue: Math.Max(1, count));
                var bars = new ConcurrentDictionary<string, ProgressTask>();
                var gate = new object();
                var progress = new CallbackProgress(p =>
                {
                    lock (gate)
                    {
                        ProgressTask bar = bars.GetOrAdd(p.File, f => ctx.AddTask(Markup.Escape(f), maxValue: Math.Max(1, p.BytesExpected ?? 1)));
                        if (p.Result is null)
                        {
                            bar.MaxValue = Math.Max(1, p.BytesExpected ?? Math.Max(bar.MaxValue, p.BytesReceived));
                            bar.Value = p.BytesReceived;
                            return;
                        }

                        bar.Value = bar.MaxValue;
                        bar.StopTask();
                        overall.Increment(1);
                        if (p.Result.Outcome == SyncOutcome.Failed)
                        {
                            console.MarkupLine($"[red]failed[/] {Markup.Escape(p.Result.File)}");
                        }
                    }
                });
                report = await sync.RunAsync(options, progress).ConfigureAwait(false);
            })
            .GetAwaiter().GetResult();
        return report!;
    }

    private static void Render(IAnsiConsole console, TextWriter output, SyncReport report)
    {
        List<SyncFileResult> changed = report.Files.Where(f => f.Outcome is SyncOutcome.Downloaded or SyncOutcome.Copied or SyncOutcome.Failed).ToList();
        if (changed.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumn("File").AddColumn("Result").AddColumn(new TableColumn("Size").RightAligned()).AddColumn("SHA-256");
            foreach (SyncFileResult f in changed)
            {
                table.AddRow(
                    Markup.Escape(f.File),
                    f.Outcome == SyncOutcome.Failed ? "[red]failed[/]" : OutcomeText(f.Outcome),
                    f.Stored ? $"{f.Entry!.Size:N0}" : string.Empty,
                    f.Stored ? DataInventory.Short(f.Entry!.Sha256) : string.Empty);
            }

            console.Write(table);
        }

        output.WriteLine(Summary(report)); // not through Spectre, which would wrap it at the console width
    }

    internal static string Summary(SyncReport report) =>
        $"{report.Files.Count} files in {report.Target}: {report.Count(SyncOutcome.Downloaded)} downloaded, {report.Count(SyncOutcome.Copied)} copied, "
        + $"{report.Count(SyncOutcome.Unchanged)} unchanged, {report.Count(SyncOutcome.MirrorOnly)} mirror-only (not fetched; use --from), "
        + $"{report.Count(SyncOutcome.Failed)} failed.";

    internal static string OutcomeText(SyncOutcome outcome) => outcome switch
    {
        SyncOutcome.Downloaded => "downloaded",
        SyncOutcome.Copied => "copied",
        SyncOutcome.Unchanged => "unchanged",
        SyncOutcome.MirrorOnly => "mirror-only",
        _ => "failed",
    };

    /// <summary>One line per finished file on stderr, for pipes, logs and CI.</summary>
    private sealed class LineProgress(TextWriter error) : IProgress<SyncProgress>
    {
        private readonly object _gate = new();

        public void Report(SyncProgress value)
        {
            if (value.Result is not { } r)
            {
                return;
            }

            if (r.UnreachableHost is not null || r.Outcome == SyncOutcome.MirrorOnly)
            {
                return; // offline: the command says so once, not once per file; mirror-only files are listed at the end
            }

            string line = r.Outcome switch
            {
                SyncOutcome.Failed => $"failed      {r.Error}",
                SyncOutcome.Unchanged => $"unchanged   {r.File}",
                _ => $"{OutcomeText(r.Outcome),-11} {r.File} ({r.Entry!.Size:N0} bytes) from {r.Source}",
            };
            lock (_gate)
            {
                error.WriteLine(line);
            }
        }
    }

    /// <summary>Calls a delegate on the reporting thread (unlike <see cref="Progress{T}"/>, which posts to the thread
    /// pool and may run after the sync has returned).</summary>
    private sealed class CallbackProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }

    /// <summary>The JSON shape of <c>levy data sync --json</c>.</summary>
    internal sealed record SyncView(string Target, string Manifest, SyncCounts Summary, IReadOnlyList<SyncFileView> Files, IReadOnlyList<string> Warnings,
        IReadOnlyList<string> Failures)
    {
        internal static SyncView From(SyncReport r) => new(
            r.Target,
            Path.Combine(r.Target, DataManifest.FileName),
            new SyncCounts(r.Count(SyncOutcome.Downloaded), r.Count(SyncOutcome.Copied), r.Count(SyncOutcome.Unchanged), r.Count(SyncOutcome.MirrorOnly),
                r.Count(SyncOutcome.Failed)),
            r.Files.Select(f => new SyncFileView(f.File, f.Outcome, f.Source, f.Entry?.Sha256, f.Entry?.Size, f.Entry?.RetrievedAt, f.Error)).ToList(),
            r.Warnings,
            r.Failures.Select(f => f.Error!).ToList());
    }

    /// <summary>The JSON shape of <c>levy data sync --json</c> without options (adding new revisions to the bundle).</summary>
    /// <param name="Basis">The bundle the update started from.</param>
    /// <param name="BasisNewest">The newest revision in it.</param>
    /// <param name="Written">The new bundle written, or null.</param>
    /// <param name="Added">The revisions added to it.</param>
    /// <param name="Files">The files fetched.</param>
    /// <param name="Offline">Why the network could not be reached, or null.</param>
    /// <param name="Failures">What failed.</param>
    internal sealed record BundleUpdateView(string Basis, HtsRevisionId BasisNewest, string? Written, IReadOnlyList<ReleasedRevision> Added,
        IReadOnlyList<SyncFileView> Files, string? Offline, IReadOnlyList<string> Failures);

    /// <summary>How many files each outcome had, in <see cref="SyncView"/>.</summary>
    internal sealed record SyncCounts(int Downloaded, int Copied, int Unchanged, int MirrorOnly, int Failed);

    /// <summary>One file in <see cref="SyncView"/> and <see cref="BundleUpdateView"/>.</summary>
    internal sealed record SyncFileView(string File, SyncOutcome Outcome, string Source, string? Sha256, long? Size, DateTimeOffset? RetrievedAt, string? Error);
}
