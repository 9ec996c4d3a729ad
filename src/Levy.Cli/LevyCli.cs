namespace Levy.Cli;

/// <summary>The <c>levy</c> command line.</summary>
public static class LevyCli
{
    /// <summary>Runs a command line and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        output.WriteLine("levy");
        return 0;
    }
}
