using System.Runtime.CompilerServices;

namespace Levy.Testing;

/// <summary>The one expected-file helper of the test projects: compares rendered output with a stored expected file, as
/// Spectre.Console's tests do (STYLE.md §9). Verify (Verify.XunitV3) would do this job, but no version of it is served
/// by the package mirror Levy builds from (docs/testing.md).</summary>
/// <remarks>
/// <para>The expected file is <c>Expectations/NAME.expected.EXT</c> beside the calling test file. Output is compared with
/// line endings normalized to <c>\n</c> and trailing spaces removed from each line.</para>
/// <para>On a difference the test fails and writes <c>NAME.actual.EXT</c> beside the expected file (git-ignored), to diff
/// and review. To accept a change on purpose, run the tests with <c>LEVY_ACCEPT=1</c>: the expected files are rewritten
/// and the tests pass; commit them with the code that caused the change.</para>
/// </remarks>
public static class ExpectedFile
{
    /// <summary>The environment variable that switches to accept mode (<c>LEVY_ACCEPT=1</c>).</summary>
    public const string AcceptVariable = "LEVY_ACCEPT";

    /// <summary>True when the tests run in accept mode.</summary>
    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>Compares <paramref name="actual"/> with <c>Expectations/<paramref name="name"/>.expected.<paramref name="extension"/></c>
    /// beside the calling test file.</summary>
    /// <param name="actual">The output.</param>
    /// <param name="name">The expectation's name.</param>
    /// <param name="extension">The file extension (<c>txt</c>, <c>json</c>).</param>
    /// <param name="callerFile">Filled in by the compiler: the calling test file.</param>
    public static void Match(string actual, string name, string extension = "txt", [CallerFilePath] string callerFile = "")
    {
        ArgumentNullException.ThrowIfNull(actual);
        string folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Expectations");
        string expectedPath = Path.Combine(folder, $"{name}.expected.{extension}");
        string actualPath = Path.Combine(folder, $"{name}.actual.{extension}");
        string normalized = Normalize(actual);
        string? expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == normalized)
        {
            File.Delete(actualPath);
            return;
        }

        Directory.CreateDirectory(folder);
        if (Accepting)
        {
            File.WriteAllText(expectedPath, normalized);
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, normalized);
        Assert.Fail(expected is null
            ? $"No expected file {expectedPath}; wrote {actualPath}. Review it, then accept it (copy it, or run with {AcceptVariable}=1)."
            : $"Output differs from {expectedPath}; wrote {actualPath}. Diff them; if the change is intended, accept it (copy it, or run with {AcceptVariable}=1).");
    }

    /// <summary>Line endings as <c>\n</c>, no trailing spaces on a line.</summary>
    public static string Normalize(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()));
}
