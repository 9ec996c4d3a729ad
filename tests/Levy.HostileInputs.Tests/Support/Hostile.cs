using System.Text;
using Levy.Cli;
using Levy.Data;
using Levy.Data.Locating;

namespace Levy.HostileInputs.Tests.Support;

/// <summary>The data (../shared/data where it is present, else the embedded bundle: <see cref="Levy.Testing.TestData"/>)
/// and the ways these tests feed Levy: the command line in-process, files in a temporary folder.</summary>
internal static class Hostile
{
    /// <summary>The official files next to the repository, for a test that reads them; the test is skipped, with the
    /// reason, where they are absent.</summary>
    internal static string SharedDataFolder => Levy.Testing.TestData.RequireSharedFolder();

    /// <summary>The data, opened once.</summary>
    internal static LevyData Data => Levy.Testing.TestData.Data;

    /// <summary>Runs <c>levy</c> on the shared data, as if stdout were redirected.</summary>
    internal static CliResult Cli(params string[] args) => Run(args, Data, default);

    /// <summary>Runs <c>levy</c> with no data given: it finds its own (or is told with <c>--data-dir</c>).</summary>
    internal static CliResult CliOwnData(params string[] args) => Run(args, null, default);

    /// <summary>Runs <c>levy</c> with a token that stands for Ctrl-C.</summary>
    internal static CliResult Cli(CancellationToken interrupt, params string[] args) => Run(args, Data, interrupt);

    /// <summary>What <c>levy</c> prints on stderr for an error: <c>error: </c>, the message, a line break.</summary>
    internal static string Error(string message) => $"error: {message}\n";

    /// <summary>What <c>levy</c> prints on stderr for an error of the command line's parser: the message, then where to
    /// find the usage.</summary>
    internal static string UsageError(string message, string command) => $"error: {message}\nRun 'levy {command} --help' for usage.\n";

    private static CliResult Run(string[] args, LevyData? data, CancellationToken interrupt)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = LevyCli.Run(args, output, error, data, isTerminal: false, cancellationToken: interrupt);
        return new CliResult(code, output.ToString(), error.ToString());
    }
}

/// <summary>What a run of <c>levy</c> returned and printed.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The CSV rows on stdout (header first), split on line breaks.</summary>
    public string[] Lines => Output.TrimEnd('\n').Split('\n');

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{(Output.Length > 2000 ? Output[..2000] : Output)}\n--- stderr\n{Error}";
}

/// <summary>A temporary folder for the files of one test, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Root = Directory.CreateTempSubdirectory("levy-hostile-").FullName;

    public string Root { get; }

    /// <summary>A path in the folder.</summary>
    public string this[string name] => Path.Combine(Root, name);

    /// <summary>Writes a file (UTF-8, no byte-order mark) and returns its path.</summary>
    public string Write(string name, string text) => Write(name, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes a file and returns its path.</summary>
    public string Write(string name, byte[] bytes)
    {
        string path = this[name];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Every file in the folder (temporary files included), by name.</summary>
    public string[] Files => [.. Directory.EnumerateFiles(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
