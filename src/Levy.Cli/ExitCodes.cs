namespace Levy.Cli;

/// <summary>The exit codes of <c>levy</c>, documented in <c>levy --help</c> and the README.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure (a bug): the message is printed, with the stack trace under <c>--verbose</c>.</summary>
    public const int Failure = 1;

    /// <summary>Invalid input or usage: a bad option, HTS code, country, date or rate text.</summary>
    public const int InvalidInput = 2;

    /// <summary>Not found: the code, revision or heading is not in the data.</summary>
    public const int NotFound = 3;

    /// <summary>Data missing or corrupt: the data folder, a revision file or a table cannot be read.</summary>
    public const int DataError = 4;

    /// <summary>Interrupted (Ctrl-C or SIGTERM) before the end: 128 + SIGINT, as shells report it. Outputs are left as
    /// they were, or (a batch) the rows answered so far are kept under a name that says partial.</summary>
    public const int Interrupted = 130;

    /// <summary>The text shown in <c>--help</c>.</summary>
    public const string Help = "Exit codes: 0 success, 1 unexpected failure, 2 invalid input or usage, 3 not found, 4 data missing or corrupt, 130 interrupted.";
}
