using Levy.Data;
using Levy.Data.Bundle;
using Levy.Data.Locating;

namespace Levy.Testing;

/// <summary>The data the tests read: the official files in <c>../shared/data</c> when they are there, else the data bundle
/// embedded in Levy (a fresh clone, a machine without the shared folder). Shared by the test projects as a linked file.</summary>
/// <remarks>Set <c>LEVY_TESTS_DATA=bundle</c> to run every test on the embedded bundle even where the folder exists: the
/// same expectations must hold on both.</remarks>
public static class TestData
{
    /// <summary>The environment variable that forces the embedded bundle.</summary>
    public const string ModeVariable = "LEVY_TESTS_DATA";

    /// <summary>The repository root, found from the test binary's folder.</summary>
    public static string RepositoryRoot { get; } =
        DataLocator.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Levy.slnx not found above " + AppContext.BaseDirectory);

    /// <summary>The shared folder of official files, <c>../shared/data</c> beside the repository (it may not exist).</summary>
    public static string SharedFolder { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>True when <c>../shared/data</c> holds the official files.</summary>
    public static bool SharedFolderPresent { get; } = DataLocator.IsDataFolder(SharedFolder);

    private static readonly Lazy<LevyData> Opened = new(() => UsesFolder
        ? LevyData.Open(new DataDirectory(SharedFolder, "--data-dir"))
        : LevyData.Open(DataBundle.Embedded ?? throw new InvalidOperationException("This build embeds no data bundle.")));

    /// <summary>True when the tests read the folder rather than the embedded bundle.</summary>
    public static bool UsesFolder => SharedFolderPresent && Environment.GetEnvironmentVariable(ModeVariable) != "bundle";

    /// <summary>The data, opened once for all tests of the assembly (revisions load on demand and are shared).</summary>
    public static LevyData Data => Opened.Value;

    /// <summary>The shared folder, for a test that reads the raw official files; skips the test (with the reason) where the
    /// folder is absent. CI always has it.</summary>
    public static string RequireSharedFolder()
    {
        Assert.SkipUnless(SharedFolderPresent, $"This test reads the raw official files, and {SharedFolder} is absent (a clone without ../shared/data); "
            + "the other tests run on the embedded data bundle.");
        return SharedFolder;
    }
}
