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

    /// <summary>Compares <paramref name="actual"/> with Expectations/<paramref name="name"/>.expected.txt beside the
    /// calling test file (see <see cref="Levy.Tests.ExpectedFile"/>).</summary>
    internal static void MatchesExpected(string actual, string name, [CallerFilePath] string callerFile = "") =>
        Levy.Tests.ExpectedFile.Match(actual, name, "txt", callerFile);
}
