using System.Runtime.CompilerServices;
using Levy.Data;
using Levy.Data.Locating;

namespace Levy.Cli.Tests;

/// <summary>Runs <c>levy</c> in-process against the test data (../shared/data, or the embedded bundle without it; see
/// <see cref="TestData"/>), and compares output with expected files.</summary>
internal static class CliRunner
{
    internal static string RepositoryRoot => TestData.RepositoryRoot;

    internal static LevyData Data => TestData.Data;

    internal sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>The day the tests run on, whatever the machine's clock says: 2026-12-02, six months after the newest
    /// revision of the data (2026 Revision 10, published 2026-06-08).</summary>
    internal static readonly DateTimeOffset Today = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    internal static Result Run(params string[] args) => RunOn(Today, args);

    internal static Result RunOn(DateTimeOffset now, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = LevyCli.Run(args, output, error, Data, isTerminal: false, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now));
        return new Result(code, output.ToString(), error.ToString());
    }

    /// <summary>The text with every run of white space (line wraps of the 120-column console included) as one space.</summary>
    internal static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    /// <summary>Compares <paramref name="actual"/> with Expectations/<paramref name="name"/>.expected.txt beside the
    /// calling test file (see <see cref="Levy.Tests.ExpectedFile"/>).</summary>
    internal static void MatchesExpected(string actual, string name, [CallerFilePath] string callerFile = "") =>
        ExpectedFile.Match(actual, name, "txt", callerFile);
}
