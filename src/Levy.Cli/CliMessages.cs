using System.Globalization;

namespace Levy.Cli;

/// <summary>The messages of <c>levy</c> about files, options that conflict and interruptions, in one place so tests can
/// assert against them (a value refused by its input is worded by <see cref="Core.Inputs.InputMessages"/>).
/// Placeholders are composite-format indexes (<see cref="Format"/>).</summary>
internal static class CliMessages
{
    /// <summary>{0} the option, {1} the path.</summary>
    internal const string FileMissing = "{0}: {1} does not exist.";

    /// <summary>{0} the option, {1} the path.</summary>
    internal const string FileIsFolder = "{0}: {1} is a folder, not a file.";

    /// <summary>{0} the option, {1} the path, {2} what the system said.</summary>
    internal const string FileUnreadable = "{0}: cannot read {1}: {2}";

    /// <summary>{0} the option, {1} the folder.</summary>
    internal const string OutputFolderMissing = "{0}: the folder {1} does not exist; create it first or write elsewhere.";

    /// <summary>{0} the option, {1} the path.</summary>
    internal const string OutputIsFolder = "{0}: {1} is a folder; give the name of a file to write.";

    /// <summary>{0} the option, {1} the path, {2} what the system said.</summary>
    internal const string OutputUnwritable = "{0}: cannot write {1}: {2}";

    /// <summary>{0} the output option, {1} the path, {2} the input option.</summary>
    internal const string OutputIsInput = "{0} {1} is also the input ({2}): it would be overwritten before it is read; write the rows to another file.";

    /// <summary>{0} the options given.</summary>
    internal const string NotWithFile = "{0} does nothing with --file: each row of the file gives its own (docs/duty.md); remove it.";

    /// <summary>{0} the options given.</summary>
    internal const string OnlyWithFile = "{0} is only for a batch (--file); remove it for one line.";

    /// <summary>{0} rows written, {1} the partial file, {2} the output that was not changed.</summary>
    internal const string InterruptedToFile = "interrupted: the rows answered so far ({0:#,0}) are in {1}; {2} was not changed.";

    /// <summary>{0} rows written.</summary>
    internal const string InterruptedToStdout = "interrupted: the output stops after a complete row ({0:#,0} rows); the rest of the input was not read.";

    /// <summary>{0} the output that was not written.</summary>
    internal const string InterruptedNotWritten = "interrupted: {0} was not written.";

    /// <summary>A search without words.</summary>
    internal const string SearchNeedsWords = "give words to search for (levy search \"passenger motor vehicles\") or an HTS code or prefix (levy search 8703.23).";

    /// <summary>The title of a JSON problem document for each exit code (RFC 9457's <c>title</c>: the kind of problem).</summary>
    internal static string TitleOf(int exitCode) => exitCode switch
    {
        ExitCodes.InvalidInput => "Invalid input or usage",
        ExitCodes.NotFound => "Not found",
        ExitCodes.DataError => "Data missing or corrupt",
        ExitCodes.Interrupted => "Interrupted",
        _ => "Unexpected failure",
    };

    /// <summary>Fills a template with the invariant culture.</summary>
    internal static string Format(string template, params object?[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
