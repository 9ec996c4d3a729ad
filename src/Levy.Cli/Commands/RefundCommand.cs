using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Levy.Core.Inputs;
using Levy.Core.Refunds;
using Levy.Data.Rulebook;
using Levy.Refunds.Checking;
using Levy.Refunds.Claims;
using Levy.Refunds.Generation;
using Levy.Refunds.Import;
using Levy.Refunds.Ledger;
using Levy.Refunds.Reports;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Levy.Cli.Commands;

/// <summary><c>levy refund import|check|deadlines|declare|status|report|generate</c>: every IEEPA dollar an importer paid,
/// found in an ES-003 export, checked against the law and claimed through CBP's CAPE (docs/refunds.md).</summary>
/// <remarks>The ledger is a SQLite file (<c>levy.db</c>, or <c>--db PATH</c>) or a PostgreSQL database (<c>--db
/// "Host=…;Database=…"</c>). The clock is injected so that "today" is testable.</remarks>
internal static class RefundCommand
{
    private static readonly Option<string?> Db = new(UserInputs.Ledger.Cli!)
    {
        Description = "The ledger: a SQLite file (default levy.db) or a PostgreSQL connection string (\"Host=…;Database=…;Username=…\").",
        Recursive = true,
    };

    private static readonly Option<string?> AsOf = new(UserInputs.AsOf.Cli!) { Description = "Judge deadlines, phases and interest on this date (yyyy-MM-dd; default today)." };

    private static readonly Option<string?> RateClass = new(UserInputs.RateClass.Cli!)
    {
        Description = "The importer's 26 U.S.C. 6621 overpayment rate: corporate (default), noncorporate, or corporate-large (the rate for over $10,000, for comparison).",
    };

    private static readonly Option<int> Limit = CliInputs.Integer(UserInputs.ListLimit, "How many entries or lines to list.", 20);

    private static readonly Argument<string> File = new(UserInputs.ExportFile.Cli!) { Description = "The file: CSV or XLSX." };

    private static readonly Option<string[]> Map = new(UserInputs.ColumnMapping.Cli!)
    {
        Description = "Map a column to a field: --map \"Arrival Date=entry_date\" (fields: " + string.Join(", ", Es003Fields.All) + ").",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string?> Format = new(UserInputs.ExportFormat.Cli!) { Description = "csv or xlsx (default: from the file's extension)." };

    private static readonly Option<bool> NoCheck = new(UserInputs.NoCheck.Cli!) { Description = "Import only; check later with levy refund check." };

    private static readonly Option<bool> All = new(UserInputs.RecheckAll.Cli!) { Description = "Check every line again, not only new, changed or stale ones." };

    private static readonly Option<string?> Flag = new(UserInputs.RefundFlag.Cli!) { Description = "List only lines with this flag (" + string.Join(", ", RefundFlagReasons.All.Select(RefundFlagReasons.Name)) + ")." };

    private static readonly Option<string?> Standing = new(UserInputs.Standing.Cli!) { Description = "List only entries of this standing (phase-1, later-phase, protest)." };

    private static readonly Option<int> Phase = CliInputs.Integer(UserInputs.CapePhase, "The CAPE phase.", 1);

    private static readonly Option<string?> Out = new(UserInputs.DeclarationFolder.Cli!) { Description = "The folder to write the declarations to (default: the current folder)." };

    private static readonly Option<string?> By = new(UserInputs.ReportBy.Cli!) { Description = "importer, month (default), country, authority or phase." };

    private static readonly Option<string?> Csv = new(UserInputs.ReportCsv.Cli!) { Description = "Also write the totals to this CSV file." };

    private static readonly Option<string?> Chart = new(UserInputs.ReportChart.Cli!) { Description = "Write an SVG chart of IEEPA paid by month to this file." };

    private static readonly Option<int> Rows = CliInputs.Integer(UserInputs.GeneratedRows, "About how many rows to generate.", 10_000);

    private static readonly Option<int> Seed = CliInputs.Integer(UserInputs.GeneratorSeed, "The seed (same seed, same file).", 1);

    private static readonly Option<string> Output = new(UserInputs.GeneratedFile.Cli!, "-o") { Description = "The file to write.", Required = true };

    internal static Command Create(Func<ParseResult, CliContext> context, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var import = new LedgerCommand("import", "Import an ES-003 line-tariff export (or a broker's) into the ledger and check every line against the law.")
        {
            File, Map, Format, NoCheck, Limit, GlobalOptions.Json,
        };
        import.SetAction(parse => Run(new Work(context(parse), parse, clock), RunImport));
        var check = new LedgerCommand("check", "Check the ledger's lines against the law (new, changed or checked with another rulebook), and list the flagged lines.")
        {
            All, Flag, Limit, GlobalOptions.Json,
        };
        check.SetAction(parse => Run(new Work(context(parse), parse, clock), RunCheck));
        var deadlines = new LedgerCommand("deadlines", "What closes soonest: each entry's liquidation, CAPE Phase 1 window, reliquidation and protest deadlines.")
        {
            AsOf, Limit, Standing, GlobalOptions.Json,
        };
        deadlines.SetAction(parse => Run(new Work(context(parse), parse, clock), RunDeadlines));
        var declare = new LedgerCommand("declare", "Write the CAPE Declarations of a phase (entry numbers only, at most 9,999 per file, none twice) and record them.")
        {
            Phase, Out, AsOf, GlobalOptions.Json,
        };
        declare.SetAction(parse => Run(new Work(context(parse), parse, clock), RunDeclare));
        var status = new LedgerCommand("status", "Read CBP's refund report (REV-615 CAPE Details Refunds, or a broker's) and reconcile expected against received.")
        {
            File, Format, AsOf, RateClass, Limit, GlobalOptions.Json,
        };
        status.SetAction(parse => Run(new Work(context(parse), parse, clock), RunStatus));
        var report = new LedgerCommand("report", "Totals by importer, month, country, authority or phase, with interest; --csv and --chart to write them.")
        {
            By, AsOf, RateClass, Csv, Chart, GlobalOptions.Json,
        };
        report.SetAction(parse => Run(new Work(context(parse), parse, clock), RunReport));
        var generate = new Command("generate", "Write a realistic ES-003-style file (seeded, deterministic) for trying the workflow.")
        {
            Rows, Seed, Output,
        };
        generate.SetAction(parse => Run(new Work(context(parse), parse, clock), RunGenerate));
        return new Command("refund", "IEEPA refunds: import an ES-003 export, check it against the law, see the deadlines, write CAPE Declarations, reconcile the refunds (docs/refunds.md).")
        {
            Db, import, check, deadlines, declare, status, report, generate,
        };
    }

    private sealed record Work(CliContext Cli, ParseResult Parse, TimeProvider Clock)
    {
        private RefundRules? _rules;
        private LedgerDatabase? _ledger;

        internal RefundRules Rules => _rules ??= RefundRulesReader.Read(Cli.Data.Rulebook);

        /// <summary>The ledger of <c>--db</c>: its path checked as every output's is, then opened and migrated.</summary>
        internal LedgerDatabase OpenLedger()
        {
            if (_ledger is null)
            {
                string? db = Parse.GetValue(Db) is { } text ? CliInputs.Text(UserInputs.Ledger, text) : null;
                if (LedgerDatabase.SqliteFile(db) is { } file)
                {
                    CheckLedgerFile(file);
                }

                _ledger = LedgerDatabase.Open(db);
            }

            return _ledger;
        }

        internal RefundLedger Ledger() => new(OpenLedger(), Rules, Clock);

        internal string LedgerDisplay => _ledger?.Display ?? LedgerDatabase.SqliteFile(Parse.GetValue(Db)) ?? "(PostgreSQL)";

        internal DateOnly AsOf => Parse.GetValue(RefundCommand.AsOf) is { } text
            ? CliInputs.Date(UserInputs.AsOf, text)
            : DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

        internal OverpaymentRateClass RateClass =>
            StatusView.RateClassOf(Parse.GetValue(RefundCommand.RateClass) is { } text ? CliInputs.Choice(UserInputs.RateClass, text) : null);

        internal int Limit => Parse.GetValue(RefundCommand.Limit);

        internal bool Json => Parse.GetValue(GlobalOptions.Json);

        internal IAnsiConsole Console => Cli.Console;

        internal bool Given(Option option) => Parse.GetResult(option) is { Implicit: false };
    }

    private static int Run(Work work, Func<Work, int> action)
    {
        try
        {
            return action(work);
        }
        catch (LedgerException e)
        {
            throw new CliException(ExitCodes.InvalidInput, e.Message);
        }
        catch (RefundInputException e)
        {
            throw new CliException(ExitCodes.InvalidInput, e.Message);
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            // The database failed under a command (locked by another program, disk full, connection lost): its transaction
            // is rolled back, and the message says so without the exception's name.
            throw new CliException(ExitCodes.InvalidInput,
                CliMessages.Format(CliMessages.LedgerFailed, work.LedgerDisplay, (e.InnerException ?? e).Message.TrimEnd('.') + "."));
        }
        catch (OverflowException)
        {
            throw new CliException(ExitCodes.InvalidInput, CliMessages.Format(CliMessages.LedgerTotalsTooLarge, InputBounds.MaxAmount));
        }
    }

    // A SQLite ledger is a file Levy writes: refused before any work when it is a folder, in a missing folder or cannot be
    // written (the database itself is changed in transactions, never left half-written).
    private static void CheckLedgerFile(string file)
    {
        string option = UserInputs.Ledger.Cli!;
        if (Directory.Exists(file))
        {
            throw new CliException(ExitCodes.InvalidInput, CliMessages.Format(CliMessages.OutputIsFolder, option, file));
        }

        string folder = Path.GetDirectoryName(file)!;
        if (!Directory.Exists(folder))
        {
            throw new CliException(ExitCodes.InvalidInput, CliMessages.Format(CliMessages.OutputFolderMissing, option, folder));
        }

        try
        {
            using (new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite))
            {
                // Opened for writing (created empty if new: SQLite takes an empty file for a new database).
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, CliMessages.Format(CliMessages.OutputUnwritable, option, file, OutputFile.Reason(ex)));
        }
    }

    // An option that would do nothing is refused rather than ignored.
    private static void RefuseIfGiven(Work w, Option option, string command, string why)
    {
        if (w.Given(option))
        {
            throw new CliException(ExitCodes.InvalidInput, CliMessages.Format(CliMessages.DoesNothing, option.Name, command, why));
        }
    }

    private static int RunImport(Work w)
    {
        string path = w.Parse.GetValue(File)!;
        if (w.Json)
        {
            RefuseIfGiven(w, Limit, "refund import --json", $"the JSON lists the first {LedgerImporter.MaxReportedErrors:N0} error rows");
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string m in w.Parse.GetValue(Map) ?? [])
        {
            string mapping = CliInputs.Text(UserInputs.ColumnMapping, m);
            int eq = mapping.LastIndexOf('=');
            if (eq <= 0 || eq == mapping.Length - 1)
            {
                throw CliInputs.Refused(UserInputs.ColumnMapping, InputMessages.Format(InputMessages.NotAColumnMapping, mapping));
            }

            (string column, string field) = (mapping[..eq].Trim(), mapping[(eq + 1)..].Trim());
            if (overrides.Keys.FirstOrDefault(c => Es003Fields.Normalize(c) == Es003Fields.Normalize(column)) is { } same)
            {
                throw CliInputs.Refused(UserInputs.ColumnMapping, InputMessages.Format(InputMessages.ColumnMappedTwice, same));
            }

            if (overrides.FirstOrDefault(o => o.Value == field) is { Key: { } other })
            {
                throw CliInputs.Refused(UserInputs.ColumnMapping, InputMessages.Format(InputMessages.FieldMappedTwice, field, other, column));
            }

            overrides[column] = field;
        }

        TableFormat format = FormatOf(w, path);
        string option = UserInputs.ExportFile.Cli!;
        InputFiles.Check(path, option);
        LedgerDatabase ledger = w.OpenLedger();
        LineChecker? checker = w.Parse.GetValue(NoCheck) ? null : LineChecker.For(w.Cli.Data, w.Rules);
        ImportResult result;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(w.Cli.CancellationToken);
        using (Interruption.Graceful(stop))
        using (Stream stream = InputFiles.Open(path, option))
        {
            try
            {
                result = new LedgerImporter(ledger, IeepaHeadings.From(w.Cli.Data.Policy.Rulebook), checker, w.Clock)
                    .Import(stream, Path.GetFileName(path), format, overrides, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The import is one transaction: stopped, it leaves the ledger as it was.
                throw new CliException(ExitCodes.Interrupted, CliMessages.Format(CliMessages.InterruptedImport, path, ledger.Display));
            }
        }

        ImportView view = ImportView.From(result);
        if (w.Json)
        {
            w.Cli.WriteJson(view);
            return ExitCodes.Success;
        }

        w.Console.MarkupLine($"[bold]{Markup.Escape(view.File)}[/] into {Markup.Escape(ledger.Display)}: {view.Rows:N0} rows, {view.LinesAdded:N0} lines added, " +
            $"{view.LinesUpdated:N0} updated, {view.LinesUnchanged:N0} unchanged, {view.LinesChecked:N0} checked, {view.ErrorRows:N0} error rows ({view.Seconds:0.0} s).");
        foreach (RowErrorView e in view.Errors.Take(w.Limit))
        {
            w.Console.MarkupLine($"  {Markup.Escape(e.File)}, line {e.Line}, {Markup.Escape(e.Field)} \"{Markup.Escape(e.Value ?? string.Empty)}\": {Markup.Escape(e.Message)}");
        }

        if (view.ErrorRows > w.Limit)
        {
            w.Console.MarkupLine($"  … {view.ErrorRows - w.Limit:N0} more (all are in the ledger; --json lists up to {LedgerImporter.MaxReportedErrors:N0}).");
        }

        return ExitCodes.Success;
    }

    private static int RunCheck(Work w)
    {
        RefundFlags? flag = w.Parse.GetValue(Flag) is { } name ? RefundFlagReasons.Parse(CliInputs.Choice(UserInputs.RefundFlag, name)) : null;
        RefundLedger ledger = w.Ledger();
        CheckRun run = ledger.Check(LineChecker.For(w.Cli.Data, w.Rules), w.Parse.GetValue(All));
        CheckView view = CheckView.From(run.Checked, run.Skipped, run.ByFlag, ledger.FlaggedLines(flag, w.Limit), w.Rules);
        if (w.Json)
        {
            w.Cli.WriteJson(view);
            return ExitCodes.Success;
        }

        w.Console.MarkupLine($"{view.Checked:N0} lines checked, {view.Skipped:N0} already checked with this rulebook.");
        var flags = new Table().Border(TableBorder.Simple).AddColumn("Flag").AddColumn(new TableColumn("Lines").RightAligned()).AddColumn("Why");
        foreach (FlagSummaryView f in view.Flags)
        {
            flags.AddRow(f.Flag, f.Lines.ToString("N0", CultureInfo.InvariantCulture), Markup.Escape(f.Reason));
        }

        w.Console.Write(flags);
        var lines = new Table().Border(TableBorder.Simple).AddColumn("Entry").AddColumn("Line").AddColumn("HTS").AddColumn("Origin").AddColumn("Flags")
            .AddColumn(new TableColumn("IEEPA paid").RightAligned()).AddColumn(new TableColumn("IEEPA owed").RightAligned()).AddColumn(new TableColumn("Other duties off").RightAligned());
        foreach (FlaggedLineView l in view.Lines)
        {
            lines.AddRow(l.Entry, l.Line.ToString(CultureInfo.InvariantCulture), l.Hts, l.Origin, string.Join(", ", l.Flags), Usd(l.IeepaPaid),
                l.IeepaLaw is { } law ? Usd(law) : "?", l.NonIeepaDifference is { } d ? Usd(d) : "?");
        }

        w.Console.Write(lines);
        return ExitCodes.Success;
    }

    private static int RunDeadlines(Work w)
    {
        RefundStanding? only = w.Parse.GetValue(Standing) is { } text
            ? CliInputs.Choice(UserInputs.Standing, text) switch
            {
                "phase-1" => RefundStanding.Phase1,
                "later-phase" => RefundStanding.LaterPhase,
                _ => RefundStanding.Protest,
            }
            : null;
        DateOnly asOf = w.AsOf;
        DeadlinesView view = DeadlinesView.From(w.Ledger(), asOf, w.Limit, only);
        if (w.Json)
        {
            w.Cli.WriteJson(view);
            return ExitCodes.Success;
        }

        w.Console.MarkupLine($"[bold]IEEPA refunds as of {view.AsOf:yyyy-MM-dd}[/]");
        foreach (StandingView s in view.Standings)
        {
            w.Console.MarkupLine($"  {s.Standing,-17} {s.Entries,9:N0} entries {Usd(s.IeepaPaid),20}");
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Closes").AddColumn("Entry").AddColumn("Importer").AddColumn(new TableColumn("IEEPA paid").RightAligned())
            .AddColumn("Liquidation").AddColumn("Standing").AddColumn("What closes");
        foreach (ClaimView c in view.Entries)
        {
            table.AddRow(c.NextDeadline!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), c.Entry, Markup.Escape(c.Importer), Usd(c.IeepaPaid),
                c.Liquidation.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (c.LiquidationEstimated ? " (est.)" : string.Empty), c.Standing, Markup.Escape(c.NextDeadlineWhat ?? string.Empty));
        }

        w.Console.Write(table);
        return ExitCodes.Success;
    }

    private static int RunDeclare(Work w)
    {
        // The folder is checked, and the as-of date read, before the ledger is opened or anything is written.
        string folder = OutputFile.CheckFolder(w.Parse.GetValue(Out) ?? Directory.GetCurrentDirectory(), UserInputs.DeclarationFolder.Cli!);
        DateOnly asOf = w.AsOf;
        int phase = w.Parse.GetValue(Phase);
        IReadOnlyList<DeclarationFile> files;
        using (var output = new DeclarationOutputs(folder))
        {
            files = w.Ledger().Declare(phase, asOf, output);
        }

        var views = files.Select(DeclarationView.From).ToList();
        if (w.Json)
        {
            w.Cli.WriteJson(new DeclareView(asOf, phase, views));
            return ExitCodes.Success;
        }

        if (views.Count == 0)
        {
            w.Console.MarkupLine($"No entry to declare: every entry in CAPE Phase {phase} on {asOf:yyyy-MM-dd} is already in a recorded declaration.");
        }

        foreach (DeclarationView d in views)
        {
            w.Console.MarkupLine($"Declaration {d.Id}: {Markup.Escape(d.File)} — {d.Entries:N0} entries, {Usd(d.IeepaPaid)} IEEPA paid.");
        }

        return ExitCodes.Success;
    }

    private static int RunStatus(Work w)
    {
        string path = w.Parse.GetValue(File)!;
        if (w.Json)
        {
            RefuseIfGiven(w, Limit, "refund status --json", "the JSON lists every difference");
        }

        string option = UserInputs.ExportFile.Cli!;
        InputFiles.Check(path, option);
        TableFormat format = FormatOf(w, path);
        DateOnly asOf = w.AsOf;
        OverpaymentRateClass rateClass = w.RateClass;
        RefundLedger ledger = w.Ledger();
        RefundReportImport read;
        using (Stream stream = InputFiles.Open(path, option))
        {
            read = RefundStatus.Read(ledger.Database, stream, Path.GetFileName(path), format);
        }

        StatusView view = StatusView.From(Path.GetFileName(path), read, RefundStatus.Reconcile(ledger, asOf, rateClass), asOf, rateClass);
        if (w.Json)
        {
            w.Cli.WriteJson(view);
            return ExitCodes.Success;
        }

        w.Console.MarkupLine($"[bold]{Markup.Escape(view.File)}[/]: {view.Rows:N0} rows, {view.Added:N0} refunds added, {view.Updated:N0} updated, {view.Errors.Count:N0} error rows.");
        w.Console.MarkupLine($"Declared entries {view.DeclaredEntries:N0}, refunded {view.RefundedEntries:N0}.");
        w.Console.MarkupLine($"  principal: expected {Usd(view.ExpectedPrincipal)}, received {Usd(view.ReceivedPrincipal)}, difference {Usd(view.ReceivedPrincipal - view.ExpectedPrincipal)}");
        w.Console.MarkupLine($"  interest ({view.RateClass}): expected {Usd(view.ExpectedInterest)}, received {Usd(view.ReceivedInterest)}, difference {Usd(view.ReceivedInterest - view.ExpectedInterest)}" +
            (view.UsesUnverifiedRates ? " (some quarters' rates are unverified: rulebook/refunds.yaml)" : string.Empty));
        if (view.OtherReceived != 0)
        {
            w.Console.MarkupLine($"  received for entries not declared through Levy: {Usd(view.OtherReceived)}");
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Difference").AddColumn("Entry").AddColumn(new TableColumn("Expected").RightAligned())
            .AddColumn(new TableColumn("Received").RightAligned()).AddColumn("Detail");
        foreach (DifferenceView d in view.Differences.Take(w.Limit))
        {
            table.AddRow(d.Kind, d.Entry, Usd(d.ExpectedPrincipal + d.ExpectedInterest), Usd(d.ReceivedPrincipal + d.ReceivedInterest), Markup.Escape(d.Detail));
        }

        w.Console.Write(table);
        if (view.Differences.Count > w.Limit)
        {
            w.Console.MarkupLine($"… {view.Differences.Count - w.Limit:N0} more differences (--limit, or --json for all).");
        }

        return ExitCodes.Success;
    }

    private static int RunReport(Work w)
    {
        ReportDimension by = Enum.Parse<ReportDimension>(CliInputs.Choice(UserInputs.ReportBy, w.Parse.GetValue(By) ?? "month"), ignoreCase: true);
        DateOnly asOf = w.AsOf;
        OverpaymentRateClass rateClass = w.RateClass;

        // The files are checked before the ledger is read, and replaced only when both are written.
        string? csvPath = w.Parse.GetValue(Csv), chartPath = w.Parse.GetValue(Chart);
        if (csvPath is not null && chartPath is not null)
        {
            OutputFile.CheckDistinct(csvPath, UserInputs.ReportCsv.Cli!, chartPath, UserInputs.ReportChart.Cli!);
        }

        using OutputFile? csv = csvPath is null ? null : OutputFile.Prepare(csvPath, UserInputs.ReportCsv.Cli!);
        using OutputFile? chart = chartPath is null ? null : OutputFile.Prepare(chartPath, UserInputs.ReportChart.Cli!);
        RefundLedger ledger = w.Ledger();
        RefundTotals totals = RefundReport.Build(ledger, by, asOf, rateClass);
        if (csv is not null)
        {
            using var writer = new StreamWriter(csv.WriteTo, false, Utf8);
            RefundReport.WriteCsv(totals, writer);
        }

        if (chart is not null)
        {
            RefundTotals byMonth = by == ReportDimension.Month ? totals : RefundReport.Build(ledger, ReportDimension.Month, asOf, rateClass);
            System.IO.File.WriteAllText(chart.WriteTo, RefundReport.Chart(byMonth), Utf8);
        }

        csv?.Commit();
        chart?.Commit();
        ReportView view = ReportView.From(totals);
        if (w.Json)
        {
            w.Cli.WriteJson(view);
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn(view.By).AddColumn(new TableColumn("Entries").RightAligned()).AddColumn(new TableColumn("Lines").RightAligned())
            .AddColumn(new TableColumn("IEEPA paid").RightAligned()).AddColumn(new TableColumn("CAPE Phase 1").RightAligned()).AddColumn(new TableColumn("Protest").RightAligned())
            .AddColumn(new TableColumn("Undeclared").RightAligned()).AddColumn(new TableColumn("Other off").RightAligned()).AddColumn(new TableColumn("Interest").RightAligned());
        foreach (ReportRowView r in view.Rows.Append(view.Total))
        {
            table.AddRow(Markup.Escape(r.Key), r.Entries.ToString("N0", CultureInfo.InvariantCulture), r.Lines.ToString("N0", CultureInfo.InvariantCulture), Dollars(r.IeepaPaid),
                Dollars(r.Phase1), Dollars(r.Protest), Dollars(r.Exposure), Dollars(r.NonIeepaDifference), Dollars(r.Interest));
        }

        w.Console.MarkupLine($"[bold]IEEPA duty by {view.By}[/], as of {view.AsOf:yyyy-MM-dd}, interest at the {view.RateClass} overpayment rate (whole dollars; --csv and --json to the cent)");
        w.Console.Write(table);
        return ExitCodes.Success;
    }

    private static int RunGenerate(Work w)
    {
        RefuseIfGiven(w, Db, "refund generate", "it writes a file, not the ledger");
        using OutputFile target = OutputFile.Prepare(w.Parse.GetValue(Output)!, UserInputs.GeneratedFile.Cli!);
        GeneratorSummary summary;
        using (var writer = new StreamWriter(target.WriteTo, false, Utf8))
        {
            summary = new Es003Generator(w.Cli.Data.Engine, IeepaHeadings.From(w.Cli.Data.Policy.Rulebook))
                .Write(writer, new GeneratorOptions { Rows = w.Parse.GetValue(Rows), Seed = w.Parse.GetValue(Seed) });
        }

        target.Commit();
        w.Console.MarkupLine($"{Markup.Escape(target.Path)}: {summary.Rows:N0} rows, {summary.Lines:N0} lines, {summary.Entries:N0} entries, {summary.ErrorRows:N0} rows with a data error, " +
            $"{summary.Mistakes.Values.Sum():N0} lines declared wrongly.");
        return ExitCodes.Success;
    }

    private static TableFormat FormatOf(Work w, string path) => w.Parse.GetValue(Format) is { } f
        ? CliInputs.Choice(UserInputs.ExportFormat, f) == "xlsx" ? TableFormat.Xlsx : TableFormat.Csv
        : TabularSource.FormatOf(path);

    private static string Dollars(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("$#,0;-$#,0", CultureInfo.InvariantCulture);

    private static string Usd(decimal amount) => amount.ToString("$#,0.00;-$#,0.00", CultureInfo.InvariantCulture);

    private static readonly System.Text.UTF8Encoding Utf8 = new(false);

    /// <summary>The CAPE Declarations of one <c>levy refund declare</c>: each written to a temporary file beside its
    /// target (<see cref="OutputFile"/>) and renamed into place when all are written.</summary>
    private sealed class DeclarationOutputs(string folder) : IDeclarationFiles, IDisposable
    {
        private readonly List<OutputFile> _files = [];

        public (TextWriter Writer, string Path) Create(string name)
        {
            OutputFile file = OutputFile.Prepare(Path.Combine(folder, name), UserInputs.DeclarationFolder.Cli!);
            _files.Add(file);
            return (new StreamWriter(file.WriteTo, false, Utf8), file.Path);
        }

        public void Publish() => _files.ForEach(f => f.Commit());

        public void Withdraw()
        {
            foreach (OutputFile f in _files)
            {
                try
                {
                    System.IO.File.Delete(f.Path);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // The ledger's error is what the user reads; a file left behind holds entries no declaration records.
                }
            }
        }

        public void Dispose() => _files.ForEach(f => f.Dispose());
    }
}

/// <summary>What <c>levy refund declare --json</c> writes.</summary>
/// <param name="AsOf">The date the declarations were made as of.</param>
/// <param name="Phase">The refund phase declared for.</param>
/// <param name="Declarations">The declaration files written.</param>
internal sealed record DeclareView(DateOnly AsOf, int Phase, IReadOnlyList<DeclarationView> Declarations);
