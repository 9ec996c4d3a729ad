namespace Levy.Cli.Tests;

/// <summary>The result of running <c>levy</c> in-process with captured writers.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Runs a command line as if stdout were redirected (no colour, no progress bars).</summary>
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = LevyCli.Run(args, output, error, data: null, isTerminal: false);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
