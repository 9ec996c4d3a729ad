using System.Runtime.CompilerServices;
using Levy.Data;
using Levy.Data.Locating;

namespace Levy.Cli.Tests;

/// <summary>Runs <c>levy</c> in-process against the test data (../shared/data, or the embedded bundle without it; see
/// <see cref="Levy.Tests.TestData"/>), and compares output with expected files.</summary>
internal static class CliRunner
{
    internal static string RepositoryRoot => Levy.Tests.TestData.RepositoryRoot;

    internal static LevyData Data => Levy.Tests.TestData.Data;

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
