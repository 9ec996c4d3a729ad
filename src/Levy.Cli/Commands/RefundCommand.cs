using System.CommandLine;
using System.Globalization;
using Levy.Core.Refunds;
using Levy.Data.Rulebook;
using Levy.Refunds.Checking;
using Levy.Refunds.Claims;
using Levy.Refunds.Generation;
using Levy.Refunds.Import;
using Levy.Refunds.Ledger;
using Levy.Refunds.Reports;
using Spectre.Console;

namespace Levy.Cli.Commands;

/// <summary><c>levy refund import|check|deadlines|declare|status|report|generate</c>: every IEEPA dollar an importer paid,
/// found in an ES-003 export, checked against the law and claimed through CBP's CAPE (docs/refunds.md).</summary>
/// <remarks>The ledger is a SQLite file (<c>levy.db</c>, or <c>--db PATH</c>) or a PostgreSQL database (<c>--db
/// "Host=…;Database=…"</c>). The clock is injected so that "today" is testable.</remarks>
internal static class RefundCommand
{
    private static readonly Option<string?> Db = new("--db")
    {
        Description = "The ledger: a SQLite file (default levy.db) or a PostgreSQL connection string (\"Host=…;Database=…;Username=…\").",
        Recursive = true,
    };

    private static readonly Option<string?> AsOf = new("--as-of") { Description = "Judge deadlines, phases and interest on this date (yyyy-MM-dd; default today)." };

    private static readonly Option<string?> RateClass = new("--rate-class")
    {
        Description = "The importer's 26 U.S.C. 6621 overpayment rate: corporate (default), noncorporate, or corporate-large (the rate for over $10,000, for comparison).",
    };

    private static readonly Option<int> Limit = new("--limit") { Description = "How many entries or lines to list.", DefaultValueFactory = _ => 20 };

    private static readonly Argument<string> File = new("file") { Description = "The file: CSV or XLSX." };

    private static readonly Option<string[]> Map = new("--map")
    {
        Description = "Map a column to a field: --map \"Arrival Date=entry_date\" (fields: " + string.Join(", ", Es003Fields.All) + ").",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string?> Format = new("--format") { Description = "csv or xlsx (default: from the file's extension)." };

    private static readonly Option<bool> NoCheck = new("--no-check") { Description = "Import only; check later with levy refund check." };

    private static readonly Option<bool> All = new("--all") { Description = "Check every line again, not only new, changed or stale ones." };

    private static readonly Option<string?> Flag = new("--flag") { Description = "List only lines with this flag (" + string.Join(", ", RefundFlagReasons.All.Select(RefundFlagReasons.Name)) + ")." };

    private static readonly Option<string?> Standing = new("--standing") { Description = "List only entries of this standing (phase-1, later-phase, protest)." };

    private static readonly Option<int> Phase = new("--phase") { Description = "The CAPE phase.", DefaultValueFactory = _ => 1 };

    private static readonly Option<string?> Out = new("--out") { Description = "The folder to write the declarations to (default: the current folder)." };

    private static readonly Option<string?> By = new("--by") { Description = "importer, month (default), country, authority or phase." };

    private static readonly Option<string?> Csv = new("--csv") { Description = "Also write the totals to this CSV file." };

    private static readonly Option<string?> Chart = new("--chart") { Description = "Write an SVG chart of IEEPA paid by month to this file." };

    private static readonly Option<int> Rows = new("--rows") { Description = "About how many rows to generate.", DefaultValueFactory = _ => 10_000 };

    private static readonly Option<int> Seed = new("--seed") { Description = "The seed (same seed, same file).", DefaultValueFactory = _ => 1 };

    private static readonly Option<string> Output = new("--output", "-o") { Description = "The file to write.", Required = true };

    internal static Command Create(Func<ParseResult, CliContext> context, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        var import = new Command("import", "Import an ES-003 line-tariff export (or a broker's) into the ledger and check every line against the law.")
        {
            File, Map, Format, NoCheck, Limit, GlobalOptions.Json,
        };
        import.SetAction(parse => Run(new Work(context(parse), parse, clock), RunImport));
        var check = new Command("check", "Check the ledger's lines against the law (new, changed or checked with another rulebook), and list the flagged lines.")
        {
            All, Flag, Limit, GlobalOptions.Json,
        };
        check.SetAction(parse => Run(new Work(context(parse), parse, clock), RunCheck));
        var deadlines = new Command("deadlines", "What closes soonest: each entry's liquidation, CAPE Phase 1 window, reliquidation and protest deadlines.")
        {
            AsOf, Limit, Standing, GlobalOptions.Json,
        };
        deadlines.SetAction(parse => Run(new Work(context(parse), parse, clock), RunDeadlines));
        var declare = new Command("declare", "Write the CAPE Declarations of a phase (entry numbers only, at most 9,999 per file, none twice) and record them.")
        {
            Phase, Out, AsOf, GlobalOptions.Json,
        };
        declare.SetAction(parse => Run(new Work(context(parse), parse, clock), RunDeclare));
        var status = new Command("status", "Read CBP's refund report (REV-615 CAPE Details Refunds, or a broker's) and reconcile expected against received.")
        {
            File, Format, AsOf, RateClass, Limit, GlobalOptions.Json,
        };
        status.SetAction(parse => Run(new Work(context(parse), parse, clock), RunStatus));
        var report = new Command("report", "Totals by importer, month, country, authority or phase, with interest; --csv and --chart to write them.")
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

        internal RefundRules Rules => _rules ??= RefundRulesReader.Read(Cli.Data.Rulebook);

        internal LedgerDatabase OpenLedger() => LedgerDatabase.Open(Parse.GetValue(Db));

        internal RefundLedger Ledger() => new(OpenLedger(), Rules, Clock);

        internal DateOnly AsOf => Parse.GetValue(RefundCommand.AsOf) is { } text ? RevisionOption.ParseDate(text, "--as-of") : DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

        internal OverpaymentRateClass RateClass => StatusView.ParseRateClass(Parse.GetValue(RefundCommand.RateClass))
            ?? throw Usage($"--rate-class \"{Parse.GetValue(RefundCommand.RateClass)}\" is not corporate, noncorporate or corporate-large");

        internal bool Json => Parse.GetValue(GlobalOptions.Json);

        internal IAnsiConsole Console => Cli.Console;
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
    }

    private static int RunImport(Work w)
    {
        string path = w.Parse.GetValue(File)!;
        if (!System.IO.File.Exists(path))
        {
            throw new CliException(ExitCodes.NotFound, $"{path} does not exist.");
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string m in w.Parse.GetValue(Map) ?? [])
        {
            int eq = m.LastIndexOf('=');
            if (eq <= 0 || eq == m.Length - 1)
            {
                throw Usage($"--map \"{m}\" is not \"Column=field\"");
            }

            overrides[m[..eq].Trim()] = m[(eq + 1)..].Trim();
        }

        TableFormat format = FormatOf(w, path);
        LedgerDatabase ledger = w.OpenLedger();
        LineChecker? checker = w.Parse.GetValue(NoCheck) ? null : LineChecker.For(w.Cli.Data, w.Rules);
        ImportResult result;
        using (FileStream stream = System.IO.File.OpenRead(path))
        {
            result = new LedgerImporter(ledger, IeepaHeadings.From(w.Cli.Data.Policy.Rulebook), checker, w.Clock).Import(stream, Path.GetFileName(path), format, overrides);
        }

        ImportView view = ImportView.From(result);
        if (w.Json)
        {
            w.Cli.WriteJson(view);
            return ExitCodes.Success;
        }

        w.Console.MarkupLine($"[bold]{Markup.Escape(view.File)}[/] into {Markup.Escape(ledger.Display)}: {view.Rows:N0} rows, {view.LinesAdded:N0} lines added, " +
            $"{view.LinesUpdated:N0} updated, {view.LinesUnchanged:N0} unchanged, {view.LinesChecked:N0} checked, {view.ErrorRows:N0} error rows ({view.Seconds:0.0} s).");
        foreach (RowErrorView e in view.Errors.Take(w.Parse.GetValue(Limit)))
        {
            w.Console.MarkupLine($"  {Markup.Escape(e.File)}, line {e.Line}, {Markup.Escape(e.Field)} \"{Markup.Escape(e.Value ?? string.Empty)}\": {Markup.Escape(e.Message)}");
        }

        if (view.ErrorRows > w.Parse.GetValue(Limit))
        {
            w.Console.MarkupLine($"  … {view.ErrorRows - w.Parse.GetValue(Limit):N0} more (all are in the ledger; --json lists up to {LedgerImporter.MaxReportedErrors:N0}).");
        }

        return ExitCodes.Success;
    }

    private static int RunCheck(Work w)
    {
        RefundFlags? flag = w.Parse.GetValue(Flag) is { } name
            ? RefundFlagReasons.Parse(name) ?? throw Usage($"--flag \"{name}\" is not one of {string.Join(", ", RefundFlagReasons.All.Select(RefundFlagReasons.Name))}")
            : null;
        RefundLedger ledger = w.Ledger();
        CheckRun run = ledger.Check(LineChecker.For(w.Cli.Data, w.Rules), w.Parse.GetValue(All));
        CheckView view = CheckView.From(run.Checked, run.Skipped, run.ByFlag, ledger.FlaggedLines(flag, w.Parse.GetValue(Limit)), w.Rules);
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
        RefundStanding? only = w.Parse.GetValue(Standing) switch
        {
            null => null,
            "phase-1" => RefundStanding.Phase1,
            "later-phase" => RefundStanding.LaterPhase,
            "protest" => RefundStanding.Protest,
            string s => throw Usage($"--standing \"{s}\" is not phase-1, later-phase or protest"),
        };
        DeadlinesView view = DeadlinesView.From(w.Ledger(), w.AsOf, w.Parse.GetValue(Limit), only);
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
        string folder = w.Parse.GetValue(Out) ?? Directory.GetCurrentDirectory();
        IReadOnlyList<DeclarationFile> files = w.Ledger().Declare(w.Parse.GetValue(Phase), w.AsOf, folder);
        var views = files.Select(DeclarationView.From).ToList();
        if (w.Json)
        {
            w.Cli.WriteJson(new { asOf = w.AsOf, phase = w.Parse.GetValue(Phase), declarations = views });
            return ExitCodes.Success;
        }

        if (views.Count == 0)
        {
            w.Console.MarkupLine($"No entry to declare: every entry in CAPE Phase {w.Parse.GetValue(Phase)} on {w.AsOf:yyyy-MM-dd} is already in a recorded declaration.");
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
        if (!System.IO.File.Exists(path))
        {
            throw new CliException(ExitCodes.NotFound, $"{path} does not exist.");
        }

        OverpaymentRateClass rateClass = w.RateClass;
        RefundLedger ledger = w.Ledger();
        RefundReportImport read;
        using (FileStream stream = System.IO.File.OpenRead(path))
        {
            read = RefundStatus.Read(ledger.Database, stream, Path.GetFileName(path), FormatOf(w, path));
        }

        StatusView view = StatusView.From(Path.GetFileName(path), read, RefundStatus.Reconcile(ledger, w.AsOf, rateClass), w.AsOf, rateClass);
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
        foreach (DifferenceView d in view.Differences.Take(w.Parse.GetValue(Limit)))
        {
            table.AddRow(d.Kind, d.Entry, Usd(d.ExpectedPrincipal + d.ExpectedInterest), Usd(d.ReceivedPrincipal + d.ReceivedInterest), Markup.Escape(d.Detail));
        }

        w.Console.Write(table);
        if (view.Differences.Count > w.Parse.GetValue(Limit))
        {
            w.Console.MarkupLine($"… {view.Differences.Count - w.Parse.GetValue(Limit):N0} more differences (--limit, or --json for all).");
        }

        return ExitCodes.Success;
    }

    private static int RunReport(Work w)
    {
        string byText = w.Parse.GetValue(By) ?? "month";
        ReportDimension by = Enum.TryParse(byText, true, out ReportDimension d) && Enum.IsDefined(d)
            ? d : throw Usage($"--by \"{byText}\" is not importer, month, country, authority or phase");
        OverpaymentRateClass rateClass = w.RateClass;
        RefundLedger ledger = w.Ledger();
        RefundTotals totals = RefundReport.Build(ledger, by, w.AsOf, rateClass);
        if (w.Parse.GetValue(Csv) is { } csv)
        {
            using var writer = new StreamWriter(csv, false, new System.Text.UTF8Encoding(false));
            RefundReport.WriteCsv(totals, writer);
        }

        if (w.Parse.GetValue(Chart) is { } chart)
        {
            RefundTotals byMonth = by == ReportDimension.Month ? totals : RefundReport.Build(ledger, ReportDimension.Month, w.AsOf, rateClass);
            System.IO.File.WriteAllText(chart, RefundReport.Chart(byMonth));
        }

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
        string path = w.Parse.GetValue(Output)!;
        GeneratorSummary summary;
        using (var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false)))
        {
            summary = new Es003Generator(w.Cli.Data.Engine, IeepaHeadings.From(w.Cli.Data.Policy.Rulebook))
                .Write(writer, new GeneratorOptions { Rows = w.Parse.GetValue(Rows), Seed = w.Parse.GetValue(Seed) });
        }

        w.Console.MarkupLine($"{Markup.Escape(path)}: {summary.Rows:N0} rows, {summary.Lines:N0} lines, {summary.Entries:N0} entries, {summary.ErrorRows:N0} rows with a data error, " +
            $"{summary.Mistakes.Values.Sum():N0} lines declared wrongly.");
        return ExitCodes.Success;
    }

    private static TableFormat FormatOf(Work w, string path) => w.Parse.GetValue(Format)?.ToLowerInvariant() switch
    {
        null => TabularSource.FormatOf(path),
        "csv" => TableFormat.Csv,
        "xlsx" => TableFormat.Xlsx,
        string f => throw Usage($"--format \"{f}\" is not csv or xlsx"),
    };

    private static string Dollars(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("$#,0;-$#,0", CultureInfo.InvariantCulture);

    private static string Usd(decimal amount) => amount.ToString("$#,0.00;-$#,0.00", CultureInfo.InvariantCulture);

    private static CliException Usage(string message) => new(ExitCodes.InvalidInput, message + ".");
}
