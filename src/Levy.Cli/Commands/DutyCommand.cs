using System.CommandLine;
using System.Globalization;
using Levy.Cli.Rendering;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;
using Levy.Core.Inputs;
using Levy.Core.Primitives;
using Levy.Core.Reports;
using Levy.Data.Batch;
using Spectre.Console;

namespace Levy.Cli.Commands;

/// <summary><c>levy duty</c>: the money of an entry. One line (<c>levy duty 8703.23.01.90 --origin JP --value 40000
/// --date 2025-04-20</c>) prints the lines of the entry summary; <c>--file lines.csv</c> streams a batch of any size to
/// CSV or JSON Lines, one output row per input row, with a summary; <c>--compare</c> checks a broker's bill.</summary>
/// <remarks>The rate engine is one injected function (<see cref="Create"/>), so the batch path is tested with a stand-in.</remarks>
internal static class DutyCommand
{
    private static readonly Argument<string?> Code = new("code")
    {
        Description = "HTS code of the goods (one line). Omit with --file.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string?> Origin = new("--origin", "-o") { Description = "Country of origin: ISO code (JP), name or Census code." };

    private static readonly Option<string?> Value = new("--value") { Description = "Customs value in USD (40000, 40,000 or $40,000; at most 1,000,000,000,000)." };

    private static readonly Option<string?> Mode = new("--mode", "-m") { Description = "Mode of transport: vessel, air, truck, rail, mail, other (vessel pays the HMF)." };

    private static readonly Option<string?> EntryTypeOption = new("--entry-type") { Description = "formal or informal (default: decided by value, 19 CFR 143.21)." };

    private static readonly Option<string?> File = new("--file", "-f") { Description = "Batch input: CSV or JSON Lines (columns in docs/duty.md); - for stdin." };

    private static readonly Option<string?> Format = new("--format")
    {
        Description = "Batch format, csv or jsonl, for input and output (default: from the file extension, else csv).",
    };

    private static readonly Option<string?> Output = new("--output") { Description = "Write the batch rows to this file instead of stdout." };

    private static readonly Option<bool> Compare = new("--compare") { Description = "Compare with the declared_* amounts of the input (a broker's bill) and report differences." };

    // The options of one line, which a batch takes from its columns instead: given with --file they would do nothing.
    private static readonly Option[] LineOptions =
    [
        Origin, Value, RevisionOption.Date, RateCommand.Quantity, Mode, RateCommand.Program, RateCommand.Loaded,
        RateCommand.SteelShare, RateCommand.AluminumShare, RateCommand.CopperShare, RateCommand.UsContent, RateCommand.Declare, EntryTypeOption,
    ];

    // The options of a batch, which do nothing for one line.
    private static readonly Option[] BatchOptions = [Format, Output, Compare];

    internal static Command Create(Func<ParseResult, CliContext> context, Func<CliContext, Func<QuoteRequest, RateQuote>>? engine = null)
    {
        engine ??= cli => cli.Data.Engine.Quote;
        var command = new Command("duty", "The money of an entry: duty per component, MPF and HMF, per line and in total; --file for a batch, --compare to check a bill.")
        {
            Code, Origin, Value, RevisionOption.Date, RateCommand.Quantity, Mode, RateCommand.Program, RateCommand.Loaded,
            RateCommand.SteelShare, RateCommand.AluminumShare, RateCommand.CopperShare, RateCommand.UsContent, RateCommand.Declare,
            EntryTypeOption, File, Format, Output, Compare, GlobalOptions.Json,
        };
        command.SetAction(parse =>
        {
            CliContext cli = context(parse);
            if (parse.GetValue(File) is { } file)
            {
                RefuseGiven(parse, CliMessages.NotWithFile, parse.GetValue(Code) is null ? [] : ["the code " + parse.GetValue(Code)], LineOptions);
                return RunBatch(cli, parse, file, engine(cli));
            }

            RefuseGiven(parse, CliMessages.OnlyWithFile, [], BatchOptions);
            return RunLine(cli, parse, engine(cli));
        });
        return command;
    }

    // Options that would do nothing are refused rather than silently ignored.
    private static void RefuseGiven(ParseResult parse, string template, IEnumerable<string> given, Option[] options)
    {
        string[] names = [.. given, .. options.Where(o => parse.GetResult(o) is { Implicit: false }).Select(o => o.Name)];
        if (names.Length > 0)
        {
            throw new CliException(ExitCodes.InvalidInput, CliMessages.Format(template, string.Join(", ", names)));
        }
    }

    private static int RunLine(CliContext cli, ParseResult parse, Func<QuoteRequest, RateQuote> engine)
    {
        string code = parse.GetValue(Code) ?? throw Usage("give an HTS code (levy duty 8703.23.01.90 --origin JP --value 40000 --date 2025-04-20) or --file");
        string origin = parse.GetValue(Origin) ?? throw Usage("--origin is required for one line");
        string valueText = parse.GetValue(Value) ?? throw Usage("--value (customs value in USD) is required for one line");
        HtsCode product = CliInputs.Code(UserInputs.Product, code);
        decimal value = CliInputs.Amount(UserInputs.CustomsValue, valueText);

        var line = new EntryLine
        {
            Id = "1",
            Product = product,
            Origin = cli.Data.Countries.Resolve(origin).Iso,
            Value = new Money(value),
            EntryDate = RevisionOption.DateOrToday(cli, parse),
            LoadingDate = parse.GetValue(RateCommand.Loaded) is { } l ? CliInputs.Date(UserInputs.LoadingDate, l) : null,
            Quantities = [.. CliInputs.Quantities(parse.GetValue(RateCommand.Quantity))],
            Mode = parse.GetValue(Mode) is { } m ? DutyColumns.ModeOf(CliInputs.Choice(UserInputs.Mode, m)) : null,
            ClaimedProgram = parse.GetValue(RateCommand.Program) is { } p ? CliInputs.Program(UserInputs.Program, p) : null,
            Metal = new MetalContent(parse.GetValue(RateCommand.SteelShare), parse.GetValue(RateCommand.AluminumShare), parse.GetValue(RateCommand.CopperShare)),
            UsContentShare = parse.GetValue(RateCommand.UsContent),
            Conditions = [.. CliInputs.Conditions(parse.GetValue(RateCommand.Declare))],
            EntryType = parse.GetValue(EntryTypeOption) is { } t
                ? CliInputs.Choice(UserInputs.EntryType, t) == "formal" ? EntryType.Formal : EntryType.Informal
                : null,
        };

        RateQuote quote = engine(line.ToQuoteRequest());
        if (line.WithHtsUnits(quote.Product.Units) is var resolved && !ReferenceEquals(resolved, line))
        {
            line = resolved;
            quote = engine(line.ToQuoteRequest());
        }

        DutyResult duty = DutyCalculator.Calculate(quote, line.Value, line.Quantities);
        if (!duty.IsSuccess)
        {
            throw new CliException(ExitCodes.InvalidInput, OptionFor(duty.Error));
        }

        EntryResult entry = Entry.Calculate([line], [duty.Breakdown], cli.Data.Fees);
        if (!entry.IsSuccess)
        {
            throw new CliException(ExitCodes.InvalidInput, OptionFor(entry.Error));
        }

        EntrySummaryView view = EntrySummaryView.From(entry.Entry, quote, cli.Data.Countries.FindByIso(line.Origin)?.Name ?? line.Origin.Value)
            .WithFreshness(cli.Data.Catalogue.Freshness(line.EntryDate, cli.Today, quote.Revision));
        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(view);
        }
        else
        {
            EntrySummaryView.Render(cli.Console, view);
        }

        return ExitCodes.Success;
    }

    private static int RunBatch(CliContext cli, ParseResult parse, string file, Func<QuoteRequest, RateQuote> engine)
    {
        bool compare = parse.GetValue(Compare);
        bool json = parse.GetValue(GlobalOptions.Json);
        string? outputPath = parse.GetValue(Output);
        if (json && outputPath is null)
        {
            throw Usage("--json with --file needs --output: the rows go to stdout otherwise, and --json writes one document there");
        }

        string format = parse.GetValue(Format) is { } f ? CliInputs.Choice(UserInputs.BatchFormat, f)
            : Path.GetExtension(file).ToLowerInvariant() is ".jsonl" or ".ndjson" or ".json" ? "jsonl" : "csv";

        // Every path is checked before anything is opened or written: a bad --output never costs the input, nor the run.
        bool stdin = file == "-";
        if (!stdin)
        {
            InputFiles.Check(file, "--file");
        }

        using OutputFile? target = outputPath is null ? null : OutputFile.Prepare(outputPath, "--output", file, "--file");
        string source = stdin ? "stdin" : Path.GetFileName(file);
        using Stream input = stdin ? Console.OpenStandardInput() : InputFiles.Open(file, "--file");
        using var reader = new StreamReader(input, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        IEnumerable<InputRow> rows = format == "jsonl" ? DutyInputReader.ReadJsonLines(reader, source, compare) : DutyInputReader.ReadCsv(reader, source, compare);
        DateOnly dataAsOf = cli.Data.Catalogue.Newest.EffectiveDate;
        var batch = new DutyBatch(engine, cli.Data.Fees, compare, dataAsOf);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cli.CancellationToken);
        using IDisposable graceful = Interruption.Graceful(stop);
        BatchSummary summary;
        using (TextWriter? fileOut = target is null ? null : new StreamWriter(target.WriteTo, append: false, new System.Text.UTF8Encoding(false), 1 << 16))
        {
            TextWriter rowsOut = fileOut ?? cli.Output;
            using (IDutyOutput output = format == "jsonl" ? new JsonLinesDutyOutput(rowsOut, compare, dataAsOf) : new CsvDutyOutput(rowsOut, compare, dataAsOf))
            {
                long length = stdin ? 0 : input.Length;
                summary = cli.IsTerminal && !Console.IsErrorRedirected && length > 1 << 20
                    ? WithProgress(cli, length, input, p => batch.Run(rows, output, p, stop.Token))
                    : batch.Run(rows, output, cancellationToken: stop.Token);
            }

            rowsOut.Flush();
        }

        if (summary.Interrupted)
        {
            string said = target is null
                ? CliMessages.Format(CliMessages.InterruptedToStdout, summary.Lines)
                : CliMessages.Format(CliMessages.InterruptedToFile, summary.Lines, target.KeepPartial(), target.Path);
            throw new CliException(ExitCodes.Interrupted, said);
        }

        target?.Commit();
        BatchSummaryView view = BatchSummaryView.From(summary, compare);
        if (summary.LatestEntryDate is { } latest)
        {
            view = view.WithFreshness(cli.Data.Catalogue.Freshness(latest, cli.Today));
        }

        if (json)
        {
            cli.WriteJson(view);
        }
        else
        {
            BatchSummaryView.Render(outputPath is null ? cli.Error : cli.Output, view);
        }

        return ExitCodes.Success;
    }

    private static BatchSummary WithProgress(CliContext cli, long length, Stream input, Func<IProgress<long>, BatchSummary> run)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(cli.Error) });
        BatchSummary? summary = null;
        console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask("levy duty", maxValue: length);
                summary = run(new Progress<long>(_ => task.Value = Math.Min(length, input.Position)));
                task.Value = length;
            });
        return summary!;
    }

    private static string OptionFor(LineError e) => e.Field switch
    {
        "quantity1" or "quantity2" or "unit1" or "unit2" => $"--quantity: {e.Reason}",
        "hts10" => $"{e.Reason}",
        var f => $"--{f.Replace('_', '-')}: {e.Reason}",
    };

    private static CliException Usage(string message) => new(ExitCodes.InvalidInput, message + ".");
}
