using System.Runtime.CompilerServices;

namespace Levy.Tests;

/// <summary>Compares rendered output with a stored expected file, as Spectre.Console's tests do (STYLE.md §9). Shared by
/// the test projects as a linked source file.</summary>
internal static class ExpectedFile
{
    /// <summary>Compares <paramref name="actual"/> with <c>Expectations/<paramref name="name"/>.expected.<paramref name="extension"/></c>
    /// beside the calling test file. On a difference, writes <c>Name.actual.ext</c> next to it and fails; accept a change
    /// by copying the file over, on purpose, in the same commit as the code that caused it.</summary>
    internal static void Match(string actual, string name, string extension = "txt", [CallerFilePath] string callerFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Expectations");
        string expectedPath = Path.Combine(folder, $"{name}.expected.{extension}");
        string actualPath = Path.Combine(folder, $"{name}.actual.{extension}");
        string normalized = string.Join('\n', actual.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()));
        string? expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == normalized)
        {
            File.Delete(actualPath);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(actualPath, normalized);
        Assert.Fail(expected is null
            ? $"No expected file {expectedPath}; wrote {actualPath}. Review it and copy it to accept."
            : $"Output differs from {expectedPath}; wrote {actualPath}. Diff them; copy to accept if the change is intended.");
    }
}
