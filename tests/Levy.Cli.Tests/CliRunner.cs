using System.Runtime.CompilerServices;
using Levy.Data;
using Levy.Data.Locating;

namespace Levy.Cli.Tests;

/// <summary>Runs <c>levy</c> in-process against ../shared/data, and compares output with expected files.</summary>
internal static class CliRunner
{
    private static readonly Lazy<LevyData> Shared = new(() => LevyData.Open(SharedDataFolder));

    internal static string RepositoryRoot { get; } =
        DataLocator.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Levy.slnx not found");

    internal static string SharedDataFolder => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    internal static LevyData Data => Shared.Value;

    internal sealed record Result(int ExitCode, string Output, string Error);

    internal static Result Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = LevyCli.Run(args, output, error, Data, isTerminal: false);
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>Compares <paramref name="actual"/> with Expectations/<paramref name="name"/>.expected.txt. On a
    /// difference, writes Name.actual.txt next to it and fails; accept a change by copying the file over.</summary>
    internal static void MatchesExpected(string actual, string name, [CallerFilePath] string callerFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Expectations");
        string expectedPath = Path.Combine(folder, name + ".expected.txt");
        string actualPath = Path.Combine(folder, name + ".actual.txt");
        string normalized = string.Join('\n', actual.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()));
        string? expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == normalized)
        {
            File.Delete(actualPath);
            return;
        }

        File.WriteAllText(actualPath, normalized);
        Assert.Fail(expected is null
            ? $"No expected file {expectedPath}; wrote {actualPath}. Review it and copy it to accept."
            : $"Output differs from {expectedPath}; wrote {actualPath}. Diff them; copy to accept if the change is intended.");
    }
}
