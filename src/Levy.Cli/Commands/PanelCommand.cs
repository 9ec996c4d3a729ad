using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Levy.Core.Inputs;
using Levy.Analysis.Panels;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Spectre.Console;

namespace Levy.Cli.Commands;

/// <summary><c>levy panel build</c> and <c>levy panel query</c>: the HTS-10 × country panel as Parquet/CSV, and SQL over it.</summary>
internal static class PanelCommand
{
    private static readonly Option<string?> Out = new("--out")
    {
        Description = "The Parquet file to write (default: out/panel.parquet).",
    };

    private static readonly Option<string?> Csv = new("--csv") { Description = "Also write the rows as CSV to this file (large: about 70 bytes a row, 1.5 GB for the full panel)." };

    private static readonly Option<string?> Products = new("--products")
    {
        Description = "Restrict to HTS codes or prefixes, comma-separated (8703,7208.39).",
    };

    private static readonly Option<string?> Panel = new("--panel") { Description = "The panel file (default: out/panel.parquet)." };

    private static readonly Option<int> MaxRows = CliInputs.Integer(UserInputs.MaxRows, "The most rows to show.", 200);

    private static readonly Argument<string> Sql = new("sql") { Description = "A DuckDB SQL query; the panel is the view 'panel'." };

    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var build = new Command("build", "Build the panel: every HTS-10 x every country, the duty by authority and the total, as intervals (valid_from, valid_until) with consecutive equal rows merged.")
        {
            Out, Csv, AnalysisOptions.From, AnalysisOptions.To, AnalysisOptions.Countries, Products, AnalysisOptions.Scenario, AnalysisOptions.NoUsmca,
            AnalysisOptions.UnitValues, GlobalOptions.Json,
        };
        build.SetAction(parse => RunBuild(context(parse), parse));
        var query = new Command("query", "Run SQL over a panel file with embedded DuckDB: levy panel query \"SELECT country, avg(total) FROM panel WHERE DATE '2025-10-01' BETWEEN valid_from AND valid_until GROUP BY 1\".")
        {
            Sql, Panel, MaxRows, GlobalOptions.Json,
        };
        query.SetAction(parse => RunQuery(context(parse), parse));
        return new Command("panel", "The HTS-10 x country panel of duties over 2025-2026 (Parquet, CSV, DuckDB).") { build, query };
    }

    private static int RunBuild(CliContext cli, ParseResult parse)
    {
        var clock = Stopwatch.StartNew();

        // The outputs are checked (and their temporary files made) before any work, and replace the files only on success.
        string path = AnalysisOptions.OutPath(parse.GetValue(Out), "panel.parquet");
        using OutputFile panelFile = OutputFile.Prepare(path, "--out");
        using OutputFile? csvFile = parse.GetValue(Csv) is { } c ? OutputFile.Prepare(AnalysisOptions.OutPath(c, "panel.csv"), "--csv") : null;
        (DateOnly from, DateOnly to) = AnalysisOptions.Dates(cli, parse);
        var engine = AnalysisOptions.EngineOf(cli, parse);
        string scenario = parse.GetValue(AnalysisOptions.Scenario)!;
        var countries = parse.GetValue(AnalysisOptions.Countries) is null
            ? cli.Data.Countries.Partners.Select(c => c.Iso).ToList()
            : AnalysisOptions.Groups(cli, parse, null).SelectMany(g => g.Members).Distinct().ToList();
        PreferenceShares? usmca = AnalysisOptions.PreferencesOf(cli, parse);
        UnitValues? unitValues = AnalysisOptions.UnitValuesOf(parse);
        var request = new PanelRequest
        {
            Countries = [.. countries.OrderBy(c => cli.Data.Countries.FindByIso(c)!.CensusCode, StringComparer.Ordinal)],
            From = from,
            To = to,
            Products = [.. (parse.GetValue(Products) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(HtsCode.Parse)],
            Preferences = usmca,
            UnitValues = unitValues,
        };
        cli.Data.Archive.LoadAll();
        var metadata = new Dictionary<string, string>
        {
            ["levy.scenario"] = scenario,
            ["levy.from"] = from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["levy.to"] = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["levy.usmca"] = usmca?.Source ?? "none: no preference claimed",
            ["levy.data"] = cli.Data.Location.ToString(),
            ["levy.unit_values"] = unitValues?.Source ?? "none: specific parts count as 0 (needs_value)",
            ["levy.assumptions"] = "docs/panel.md, Defaults: no condition certified (every article of a provision U.S. note 33(g) lists whole is an auto part; "
                + "semiconductor articles meet the thresholds of note 39(b) and have no exempt end use; nothing is for civil aircraft; no U.S.-melted metal; "
                + "no metal under 15% of the weight); metal content from the BEA-based estimate clamped to shares adding up to at most 1, else 50%; "
                + "no U.S. content; nothing in transit; the United States is not a partner",
            ["levy.schema"] = "docs/panel.md: hts10, country, cty_code, valid_from, valid_until (inclusive), mfn..other, total (fractions of value), needs_value, ave_estimated",
        };
        PanelSummary summary;
        long csvRows = 0;
        using (var parquet = new ParquetPanelWriter(panelFile.WriteTo, cli.Data.Countries, metadata))
        {
            using CsvPanelWriter? csv = csvFile is null ? null : new CsvPanelWriter(csvFile.WriteTo, cli.Data.Countries);
            summary = AnalysisOptions.Build(cli, engine, request, csv is null ? parquet : new TeeSink(parquet, csv), "levy panel build");
            csvRows = csv?.Rows ?? 0;
        }

        panelFile.Commit();
        csvFile?.Commit();

        var view = new PanelBuildView(
            path,
            new FileInfo(path).Length,
            parse.GetValue(Csv),
            scenario,
            summary.From,
            summary.To,
            summary.Epochs,
            summary.Revisions,
            summary.Products,
            summary.Countries,
            summary.Plans,
            summary.Evaluations,
            summary.Cells,
            summary.RevisionCells,
            summary.Rows,
            usmca is not null,
            unitValues?.Source,
            Math.Round(clock.Elapsed.TotalSeconds, 1));
        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(view);
            return ExitCodes.Success;
        }

        cli.Console.MarkupLine($"Wrote [bold]{Markup.Escape(path)}[/] ({view.Bytes / 1e6:0.0} MB){(view.Csv is null ? string.Empty : $" and {Markup.Escape(view.Csv)} ({csvRows:N0} rows)")} in {view.Seconds:0.0} s.");
        var table = new Table().Border(TableBorder.Simple).AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("Rulebook", scenario);
        table.AddRow("Days", $"{summary.From:yyyy-MM-dd} to {summary.To:yyyy-MM-dd}");
        table.AddRow("Epochs (spans without any change) / revisions", $"{summary.Epochs} / {summary.Revisions}");
        table.AddRow("Products x countries", $"{summary.Products:N0} x {summary.Countries}");
        table.AddRow("Plans built / evaluations run", $"{summary.Plans:N0} / {summary.Evaluations:N0}");
        table.AddRow("Rows per revision (the peer's layout)", $"{summary.RevisionCells:N0}");
        table.AddRow("Rows per epoch, before merging", $"{summary.Cells:N0}");
        table.AddRow("Rows after merging", $"{summary.Rows:N0}");
        table.AddRow("Canada/Mexico", usmca is null ? "no USMCA claim" : "blended with 2025 USMCA utilisation");
        table.AddRow("Specific rates", unitValues is null ? "specific part counted as 0 (needs_value)" : $"equivalents estimated from {Markup.Escape(unitValues.Source)} (ave_estimated)");
        cli.Console.Write(table);
        return ExitCodes.Success;
    }

    private static int RunQuery(CliContext cli, ParseResult parse)
    {
        string path = parse.GetValue(Panel) ?? Path.Combine(AnalysisOptions.OutFolder, "panel.parquet");
        QueryResult result;
        try
        {
            result = PanelQuery.Run(path, parse.GetValue(Sql)!, parse.GetValue(MaxRows));
        }
        catch (FileNotFoundException ex)
        {
            throw new CliException(ExitCodes.NotFound, ex.Message);
        }
        catch (PanelQueryException ex)
        {
            throw new CliException(ExitCodes.InvalidInput, ex.Message);
        }

        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(new PanelQueryView(result.Columns, [.. result.Rows.Select(r => r.Select(Plain).ToArray())], result.Truncated));
            return ExitCodes.Success;
        }

        var table = new Table().Border(TableBorder.Simple);
        foreach (string c in result.Columns)
        {
            table.AddColumn(Markup.Escape(c));
        }

        foreach (object?[] row in result.Rows)
        {
            table.AddRow(row.Select(v => Markup.Escape(Format(v))).ToArray());
        }

        cli.Console.Write(table);
        cli.Console.MarkupLine($"{result.Rows.Count:N0} rows{(result.Truncated ? " (more not shown; --max-rows)" : string.Empty)}.");
        return ExitCodes.Success;
    }

    private static object? Plain(object? v) => v switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        System.Numerics.BigInteger b => (decimal)b,
        null or string or bool or byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
            or Guid or TimeSpan or DateTimeOffset => v,
        _ => Format(v), // a list, a struct or another DuckDB value the JSON context does not know: its text, as the table shows it
    };

    private static string Format(object? v) => v switch
    {
        null => "NULL",
        double d => d.ToString("0.######", CultureInfo.InvariantCulture),
        float f => f.ToString("0.######", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.######", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? string.Empty,
    };
}

/// <summary>What <c>levy panel build --json</c> writes.</summary>
/// <param name="File">The Parquet file written.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Csv">The CSV file also written, or null.</param>
/// <param name="Scenario">The scenario the panel was built under.</param>
/// <param name="From">The first day covered.</param>
/// <param name="To">The last day covered.</param>
/// <param name="Epochs">How many periods with one set of rules.</param>
/// <param name="Revisions">How many HTS revisions.</param>
/// <param name="Products">How many products.</param>
/// <param name="Countries">How many countries.</param>
/// <param name="Plans">How many stacking plans were made.</param>
/// <param name="Evaluations">How many plans were evaluated.</param>
/// <param name="CellsBeforeMerging">Product-country-epoch cells before equal neighbours were merged.</param>
/// <param name="PerRevisionRows">Rows there would be with one row per revision.</param>
/// <param name="Rows">Rows written.</param>
/// <param name="Usmca">True when USMCA preference shares were applied.</param>
/// <param name="UnitValues">Where the unit values come from, or null.</param>
/// <param name="Seconds">How long the build took.</param>
internal sealed record PanelBuildView(string File, long Bytes, string? Csv, string Scenario, DateOnly From, DateOnly To, int Epochs, int Revisions, int Products,
    int Countries, long Plans, long Evaluations, long CellsBeforeMerging, long PerRevisionRows, long Rows, bool Usmca, string? UnitValues, double Seconds);

/// <summary>What <c>levy panel query --json</c> writes.</summary>
/// <param name="Columns">The column names.</param>
/// <param name="Rows">The rows; a value is null, a number, a string, a date (as text) or a boolean.</param>
/// <param name="Truncated">True when more rows matched than were returned.</param>
internal sealed record PanelQueryView(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated);
