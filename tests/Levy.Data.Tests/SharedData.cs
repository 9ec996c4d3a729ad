
namespace Levy.Data.Tests;

/// <summary>The data integration tests read: ../shared/data when present (never copied into the repository), else the
/// embedded data bundle (<see cref="TestData"/>).</summary>
internal static class SharedData
{
    /// <summary>The repository root, found from the test binary's folder.</summary>
    public static string RepositoryRoot => TestData.RepositoryRoot;

    /// <summary>The shared folder of raw official files; skips the calling test where it is absent.</summary>
    public static DirectoryInfo Directory => new(TestData.RequireSharedFolder());

    /// <summary>The data opened once for all tests in the assembly (revisions load on demand and are shared).</summary>
    public static LevyData Data => TestData.Data;
}
