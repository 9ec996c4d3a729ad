namespace Levy.Data.Locating;

/// <summary>Finds the data: an explicit <c>--data-dir</c>, then <c>$LEVY_DATA</c>, then <c>./data</c>, then
/// <c>../shared/data</c>; without a folder, a bundle written by <c>levy data sync</c> in the user's data folder, then the
/// bundle embedded in Levy (<see cref="Find"/>).</summary>
/// <remarks>
/// <c>./data</c> and <c>../shared/data</c> are tried relative to the current directory and, when Levy runs from inside its
/// repository (a folder holding <c>Levy.slnx</c>), relative to the repository root, so that tests and
/// <c>dotnet run</c> from a sub-folder find the same data. A candidate counts only if it holds <c>hts/*.json.gz</c>
/// or <c>policy/revision_dates.csv</c>. Nothing is read from the network.
/// </remarks>
public static class DataLocator
{
    /// <summary>The environment variable that names the data folder.</summary>
    public const string EnvironmentVariable = "LEVY_DATA";

    /// <summary>The environment variable that names the base of the user's data folders (XDG Base Directory).</summary>
    public const string XdgDataHome = "XDG_DATA_HOME";

    /// <summary>Finds the data: a folder (<see cref="Locate"/>), else a synced bundle in the user's data folder that is
    /// newer than the embedded one, else the embedded bundle.</summary>
    /// <param name="explicitPath">A folder given on the command line, or null.</param>
    /// <param name="environment">Reads environment variables; defaults to the process environment.</param>
    /// <param name="currentDirectory">The directory to start from; defaults to the process's current directory.</param>
    /// <exception cref="DataNotFoundException">An explicit folder holds no data, or there is no data at all (a build
    /// without an embedded bundle and no folder).</exception>
    /// <exception cref="Bundle.InvalidBundleException">The synced bundle is damaged.</exception>
    public static DataLocation Find(string? explicitPath = null, Func<string, string?>? environment = null, string? currentDirectory = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        DataNotFoundException notFound;
        try
        {
            return new DataLocation(Locate(explicitPath, environment, currentDirectory));
        }
        catch (DataNotFoundException ex) when (string.IsNullOrWhiteSpace(explicitPath) && string.IsNullOrWhiteSpace(environment(EnvironmentVariable)))
        {
            notFound = ex;
        }

        return FindBundle(environment) ?? throw notFound;
    }

    /// <summary>The bundle Levy uses when there is no data folder: a synced bundle in the user's data folder that is newer
    /// than the embedded one, else the embedded one; null when this build embeds none and nothing was synced.</summary>
    /// <exception cref="Bundle.InvalidBundleException">The synced bundle is damaged.</exception>
    public static DataLocation? FindBundle(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        Bundle.DataBundle? embedded = Bundle.DataBundle.Embedded;
        var notes = new List<string>();
        string synced = Path.Combine(UserDataFolder(environment), Bundle.DataBundle.FileName);
        if (File.Exists(synced))
        {
            Bundle.DataBundle? bundle = null;
            try
            {
                bundle = Bundle.DataBundle.Open(synced);
            }
            catch (Bundle.InvalidBundleException ex) when (ex.Problem.StartsWith("bundle format", StringComparison.Ordinal))
            {
                notes.Add($"{synced} is skipped: {ex.Problem}.");
            }

            if (bundle is not null && (embedded is null || bundle.NewestRevision > embedded.NewestRevision))
            {
                return new DataLocation(bundle, SyncedSource, notes);
            }

            if (bundle is not null)
            {
                notes.Add($"{synced} is skipped: its newest revision ({bundle.NewestRevision}) is not newer than the embedded bundle's ({embedded!.NewestRevision}).");
            }
        }

        return embedded is not null ? new DataLocation(embedded, EmbeddedSource, notes) : null;
    }

    /// <summary>How <see cref="Find"/> names a bundle written by <c>levy data sync</c>.</summary>
    public const string SyncedSource = "synced bundle";

    /// <summary>How <see cref="Find"/> names the bundle embedded in Levy.</summary>
    public const string EmbeddedSource = "embedded bundle";

    /// <summary>The user's data folder for Levy: <c>$XDG_DATA_HOME/levy</c>, else <c>~/.local/share/levy</c> (on Windows,
    /// the local application data folder). <c>levy data sync</c> writes its bundle there.</summary>
    public static string UserDataFolder(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? xdg = environment(XdgDataHome);
        string baseFolder = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg) ? xdg
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Path.Combine(environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        return Path.Combine(baseFolder, "levy");
    }

    /// <summary>Finds the data folder.</summary>
    /// <param name="explicitPath">A folder given on the command line, or null.</param>
    /// <param name="environment">Reads environment variables; defaults to the process environment.</param>
    /// <param name="currentDirectory">The directory to start from; defaults to the process's current directory.</param>
    /// <exception cref="DataNotFoundException">No candidate holds Levy data; the message lists every place tried.</exception>
    public static DataDirectory Locate(string? explicitPath = null, Func<string, string?>? environment = null, string? currentDirectory = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string cwd = currentDirectory ?? Directory.GetCurrentDirectory();
        var tried = new List<string>();

        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            string full = Path.GetFullPath(explicitPath, cwd);
            return IsDataFolder(full)
                ? new DataDirectory(full, "--data-dir")
                : throw new DataNotFoundException($"--data-dir {explicitPath} holds no Levy data (expected hts/*.json.gz or policy/revision_dates.csv under {full}).");
        }

        string? fromEnv = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            string full = Path.GetFullPath(fromEnv, cwd);
            return IsDataFolder(full)
                ? new DataDirectory(full, "$" + EnvironmentVariable)
                : throw new DataNotFoundException($"${EnvironmentVariable}={fromEnv} holds no Levy data (expected hts/*.json.gz or policy/revision_dates.csv under {full}).");
        }

        var bases = new List<string> { cwd };
        if (FindRepositoryRoot(cwd) is { } repo && repo != cwd)
        {
            bases.Add(repo);
        }

        foreach ((string relative, string label) in new[] { ("data", "./data"), (Path.Combine("..", "shared", "data"), "../shared/data") })
        {
            foreach (string b in bases)
            {
                string full = Path.GetFullPath(Path.Combine(b, relative));
                tried.Add(full);
                if (IsDataFolder(full))
                {
                    return new DataDirectory(full, label);
                }
            }
        }

        throw new DataNotFoundException(
            $"No Levy data found. Set ${EnvironmentVariable}, pass --data-dir, or run `levy data sync`. Tried: {string.Join(", ", tried.Distinct())}.");
    }

    /// <summary>True when the folder holds HTS revisions or the revision-date table.</summary>
    public static bool IsDataFolder(string path) =>
        Directory.Exists(path)
        && ((Directory.Exists(Path.Combine(path, "hts")) && Directory.EnumerateFiles(Path.Combine(path, "hts"), "hts_*.json.gz").Any())
            || File.Exists(Path.Combine(path, "policy", "revision_dates.csv")));

    /// <summary>The nearest ancestor of <paramref name="start"/> (or itself) that holds <c>Levy.slnx</c>, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Levy.slnx")))
            {
                return d.FullName;
            }
        }

        return null;
    }
}
