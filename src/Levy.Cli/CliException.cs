namespace Levy.Cli;

/// <summary>An error to report to the user with a given exit code, without a stack trace.</summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliException(int exitCode, string message)
        : base(message)
    {
        ExitCode = exitCode;
    }

    /// <summary>The exit code to return.</summary>
    public int ExitCode { get; }
}
