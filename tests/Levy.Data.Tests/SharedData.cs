using Levy.Data.Locating;

namespace Levy.Data.Tests;

/// <summary>The official data in ../shared/data, which integration tests read (never copied into the repository).</summary>
internal static class SharedData
{
    /// <summary>The repository root, found from the test binary's folder.</summary>
    public static string RepositoryRoot { get; } =
        DataLocator.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Levy.slnx not found above " + AppContext.BaseDirectory);

    /// <summary>The shared data folder.</summary>
    public static DirectoryInfo Directory { get; } = new(Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data")));

    private static readonly Lazy<LevyData> Opened = new(() => LevyData.Open(Directory!.FullName));

    /// <summary>The data opened once for all tests in the assembly (revisions load on demand and are shared).</summary>
    public static LevyData Data => Opened.Value;
}
