using System.CommandLine;
using System.Diagnostics;
using Levy.Cli.Commands;
using Levy.Core.Countries;
using Levy.Core.Schedule;
using Levy.Data;
using Levy.Data.Hts;
using Levy.Data.Locating;
using Levy.Data.Rulebook;
using Levy.Data.Tables;

namespace Levy.Cli;

/// <summary>The <c>levy</c> command line: builds the command tree, runs it, and turns errors into messages and exit codes.</summary>
public static class LevyCli
{
    /// <summary>Runs a command line and returns the exit code.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="data">Data already opened (tests share one instance), or null to locate it.</param>
    /// <param name="isTerminal">Whether stdout is an interactive terminal; null to detect.</param>
    /// <param name="clock">What day it is (tests fix it); null for the system clock.</param>
    /// <param name="cancellationToken">Stops a long command as Ctrl-C does (a batch keeps the rows answered so far).</param>
    public static int Run(string[] args, TextWriter output, TextWriter error, LevyData? data = null, bool? isTerminal = null, TimeProvider? clock = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        bool terminal = isTerminal ?? (!Console.IsOutputRedirected && ReferenceEquals(output, Console.Out));
        CliContext? context = null;
        CliContext ContextFor(ParseResult parse) => context ??= new CliContext(output, error,
            parse.GetValue(GlobalOptions.DataDir), parse.GetValue(GlobalOptions.Rulebook), terminal, data, clock, cancellationToken);

        RootCommand root = Build(ContextFor);
        ParseResult result = root.Parse(args);
        bool verbose = result.GetValue(GlobalOptions.Verbose);
        var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };

        // With --json, an error is one JSON problem document on stdout (as well as its message on stderr), so that a
        // script reading stdout always gets one document.
        bool json = args.Contains("--json", StringComparer.Ordinal) && !args.Contains("--help", StringComparer.Ordinal);
        if (result.Errors.Count > 0 && result.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var e in result.Errors)
            {
                error.WriteLine($"error: {e.Message}");
            }

            error.WriteLine($"Run 'levy {string.Join(' ', CommandPath(result))} --help' for usage.".Replace("  ", " ", StringComparison.Ordinal));
            if (json)
            {
                WriteProblem(output, ExitCodes.InvalidInput, string.Join(" ", result.Errors.Select(e => e.Message)));
            }

            return ExitCodes.InvalidInput;
        }

        var elapsed = Stopwatch.StartNew();
        try
        {
            return result.Invoke(invocation);
        }
        catch (Exception ex)
        {
            (int code, string message) = Describe(ex);
            error.WriteLine($"error: {message}");
            if (verbose && code == ExitCodes.Failure)
            {
                error.WriteLine(ex.ToString());
            }

            if (json)
            {
                WriteProblem(output, code, message);
            }

            return code;
        }
        finally
        {
            if (verbose)
            {
                error.WriteLine($"({elapsed.ElapsedMilliseconds} ms)");
            }
        }
    }

    /// <summary>Runs a command line as the <c>levy</c> process: on the console, with Ctrl-C and SIGTERM handled
    /// (<see cref="Interruption"/>); in the Native AOT build, the refund ledger's commands run in the framework-dependent
    /// build beside it (<see cref="JitHandOff"/>).</summary>
    /// <param name="args">The arguments.</param>
    public static int RunProcess(string[] args)
    {
        if (JitHandOff.Applies(args))
        {
            return JitHandOff.Run(args, Console.Error);
        }

        using IDisposable signals = Interruption.Install(Console.Error);
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>The JSON problem document of an error (RFC 9457's title and detail, and the exit code).</summary>
    private static void WriteProblem(TextWriter output, int exitCode, string detail) =>
        output.WriteLine(CliContext.Serialize(new CliProblem(CliMessages.TitleOf(exitCode), detail, exitCode)));

    /// <summary>Builds the command tree.</summary>
    internal static RootCommand Build(Func<ParseResult, CliContext> context)
    {
        var root = new RootCommand(
            "Levy: what the United States charges on a product, from a country, on a date (HTS 2025-2026).\n" + ExitCodes.Help)
        {
            GlobalOptions.DataDir,
            GlobalOptions.Rulebook,
            GlobalOptions.Verbose,
            RevisionsCommand.Create(context),
            LookupCommand.Create(context),
            SearchCommand.Create(context),
            DiffCommand.Create(context),
            RateCommand.Create(context),
            RateCommand.Create(context, "explain", explain: true),
            HistoryCommand.Create(context),
            DataCommand.Create(context),
            DutyCommand.Create(context),
            PanelCommand.Create(context),
            EtrCommand.Create(context),
            ChartCommand.Create(context),
            ScenarioCommand.Create(context),
            FormulaCommand.Create(context),
            RefundCommand.Create(context),
        };
        return root;
    }

    /// <summary>Maps an exception to an exit code and a one-line message.</summary>
    internal static (int Code, string Message) Describe(Exception ex) => ex switch
    {
        CliException e => (e.ExitCode, e.Message),
        DateOutsideDataException e => (ExitCodes.InvalidInput, e.Message),
        UnknownCountryException e => (ExitCodes.InvalidInput, e.Message),
        FormatException e => (ExitCodes.InvalidInput, e.Message),
        Levy.Core.Calculation.InvalidQuoteRequestException e => (ExitCodes.InvalidInput, e.Message),
        KeyNotFoundException e => (ExitCodes.NotFound, e.Message),
        DataNotFoundException e => (ExitCodes.DataError, e.Message),
        InvalidScheduleDataException e => (ExitCodes.DataError, e.Message),
        CsvDataException e => (ExitCodes.DataError, e.Message),
        Data.Batch.DutyInputException e => (ExitCodes.InvalidInput, e.Message),
        RulebookException e => (ExitCodes.DataError, e.Message),
        Data.Bundle.InvalidBundleException e => (ExitCodes.DataError, e.Message),
        OperationCanceledException => (ExitCodes.Interrupted, "interrupted."),
        InvalidDataException e => (ExitCodes.DataError, e.Message),
        UnauthorizedAccessException e => (ExitCodes.InvalidInput, e.Message),
        IOException e => (ExitCodes.InvalidInput, e.Message),
        AggregateException { InnerExceptions.Count: > 0 } e => Describe(e.InnerExceptions[0]),
        _ => (ExitCodes.Failure, $"{ex.GetType().Name}: {ex.Message}"),
    };

    private static IEnumerable<string> CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (System.CommandLine.Parsing.SymbolResult? r = result.CommandResult; r is System.CommandLine.Parsing.CommandResult c && c.Command is not RootCommand; r = c.Parent)
        {
            names.Insert(0, c.Command.Name);
        }

        return names;
    }
}

/// <summary>The JSON problem document <c>levy … --json</c> writes on stdout when it fails.</summary>
/// <param name="Title">The kind of problem (one per exit code).</param>
/// <param name="Detail">What went wrong, as on stderr.</param>
/// <param name="ExitCode">The exit code.</param>
internal sealed record CliProblem(string Title, string Detail, int ExitCode);
