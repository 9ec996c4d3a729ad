using Levy.Data.Locating;

namespace Levy.Cli.Tests.Expectations;

/// <summary>Compares rendered output with a stored <c>Name.expected.txt</c>; on a difference it writes
/// <c>Name.actual.txt</c> beside it (git-ignored) so the change can be reviewed and accepted by copying the file.</summary>
internal static class Expected
{
    private static readonly string Folder = Path.Combine(
        DataLocator.FindRepositoryRoot(AppContext.BaseDirectory)!, "tests", "Levy.Cli.Tests", "Expectations");

    public static void Matches(string name, string actual)
    {
        string expectedPath = Path.Combine(Folder, name + ".expected.txt");
        string actualPath = Path.Combine(Folder, name + ".actual.txt");
        string normalised = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        string expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : string.Empty;
        if (expected == normalised)
        {
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, normalised);
        TestContext.Current.SendDiagnosticMessage($"Output differs from {expectedPath}; see {actualPath} (copy it over the expected file to accept).");
        Assert.Equal(expected, normalised);
    }
}
