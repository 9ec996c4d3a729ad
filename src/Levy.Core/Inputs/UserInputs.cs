using System.Collections.Frozen;
using System.Collections.Immutable;
using Levy.Core.Refunds;

namespace Levy.Core.Inputs;

/// <summary>Every input a user gives Levy, on the command line, the web API and in a batch, with its name on each
/// surface, its kind, its bounds and (through <see cref="InputField"/>) how it is read and what a bad value is told.</summary>
/// <remarks>
/// <para>The one source of these facts: the hosts read their values through these fields rather than parsing on their
/// own, and tests check that every option of <c>levy</c>, every parameter of the OpenAPI document and every batch column
/// is here, so the surfaces cannot drift apart. The engine's own checks are to take their bounds from here too.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public static class UserInputs
{
    // ---- What a quote or an entry line is about -------------------------------------------------------------------

    /// <summary>The HTS code of the goods (8 or 10 digits).</summary>
    public static InputField Product { get; } = new("product", InputKind.HtsCode) { Cli = "code", Api = "product", Batch = "hts10", MinDigits = 8 };

    /// <summary>The country of origin.</summary>
    public static InputField Origin { get; } = new("origin", InputKind.Country)
    {
        Cli = "--origin", Api = "origin", Batch = "origin", Export = "origin", MaxLength = InputBounds.MaxTextLength,
    };

    /// <summary>The date of entry.</summary>
    public static InputField EntryDate { get; } = new("entry date", InputKind.Date) { Cli = "--date", Api = "date", Batch = "entry_date" };

    /// <summary>The date the goods were loaded, for the in-transit exceptions.</summary>
    public static InputField LoadingDate { get; } = new("loading date", InputKind.Date) { Cli = "--loaded", Api = "loadingDate", Batch = "loading_date" };

    /// <summary>The customs value in USD (an ES-003 export's entered value, "Line Tariff Goods Value Amount").</summary>
    public static InputField CustomsValue { get; } = new("customs value", InputKind.Amount)
    {
        Cli = "--value", Api = "value", Batch = "value", Export = "value", Max = InputBounds.MaxAmount,
    };

    /// <summary>A quantity with its unit (repeatable: one per unit of the line).</summary>
    public static InputField Quantity { get; } = new("quantity", InputKind.Quantity)
    {
        Cli = "--quantity", Api = "quantity", Max = InputBounds.MaxQuantity, Repeatable = true,
    };

    /// <summary>The first quantity of a batch line, without its unit (an ES-003 export's "Line Tariff Quantity").</summary>
    public static InputField Quantity1 { get; } = new("quantity 1", InputKind.Number) { Batch = "quantity1", Export = "quantity", Max = InputBounds.MaxQuantity };

    /// <summary>The unit of the first quantity (blank: the HTS unit).</summary>
    public static InputField Unit1 { get; } = new("unit 1", InputKind.Unit) { Batch = "unit1" };

    /// <summary>The second quantity of a batch line.</summary>
    public static InputField Quantity2 { get; } = new("quantity 2", InputKind.Number) { Batch = "quantity2", Max = InputBounds.MaxQuantity };

    /// <summary>The unit of the second quantity.</summary>
    public static InputField Unit2 { get; } = new("unit 2", InputKind.Unit) { Batch = "unit2" };

    /// <summary>How the goods arrived (vessel lines pay the HMF).</summary>
    public static InputField Mode { get; } = new("mode of transport", InputKind.Choice)
    {
        Cli = "--mode", Api = "mode", Batch = "mode",
        Choices = Spellings(
            ("vessel", ["sea", "ocean", "ship", "10", "11"]), ("air", ["40", "41"]), ("truck", ["road", "30", "31"]),
            ("rail", ["20", "21"]), ("mail", ["post", "postal", "express", "courier"]), ("other", ["pipeline"])),
        ChoicePhrase = "a mode of transport: expected vessel, air, truck, rail, mail or other",
    };

    /// <summary>The entry type (blank: decided by value, 19 CFR 143.21).</summary>
    public static InputField EntryType { get; } = new("entry type", InputKind.Choice)
    {
        Cli = "--entry-type", Batch = "entry_type",
        Choices = Spellings(("formal", ["01", "1"]), ("informal", ["11"])),
        ChoicePhrase = "an entry type: expected formal (01), informal (11) or blank",
    };

    /// <summary>The Special Program Indicator claimed.</summary>
    public static InputField Program { get; } = new("program", InputKind.Program)
    {
        Cli = "--program", Api = "program", Batch = "program", Export = "program", MaxLength = 3,
    };

    /// <summary>The steel content as a share of value.</summary>
    public static InputField SteelShare { get; } = new("steel share", InputKind.Share)
    {
        Cli = "--steel-share", Api = "steel", Batch = "steel_share", Export = "steel_share", Max = 1m,
    };

    /// <summary>The aluminum content as a share of value.</summary>
    public static InputField AluminumShare { get; } = new("aluminum share", InputKind.Share)
    {
        Cli = "--aluminum-share", Api = "aluminum", Batch = "aluminum_share", Export = "aluminum_share", Max = 1m,
    };

    /// <summary>The copper content as a share of value.</summary>
    public static InputField CopperShare { get; } = new("copper share", InputKind.Share)
    {
        Cli = "--copper-share", Api = "copper", Batch = "copper_share", Export = "copper_share", Max = 1m,
    };

    /// <summary>The value of the steel content in USD (instead of its share).</summary>
    public static InputField SteelValue { get; } = new("steel value", InputKind.Amount) { Batch = "steel_value", Max = InputBounds.MaxAmount };

    /// <summary>The value of the aluminum content in USD.</summary>
    public static InputField AluminumValue { get; } = new("aluminum value", InputKind.Amount) { Batch = "aluminum_value", Max = InputBounds.MaxAmount };

    /// <summary>The value of the copper content in USD.</summary>
    public static InputField CopperValue { get; } = new("copper value", InputKind.Amount) { Batch = "copper_value", Max = InputBounds.MaxAmount };

    /// <summary>The U.S. content as a share of value.</summary>
    public static InputField UsContentShare { get; } = new("U.S. content share", InputKind.Share)
    {
        Cli = "--us-content", Api = "usContent", Batch = "us_content_share", Max = 1m,
    };

    /// <summary>A fact the importer certifies (rulebook conditions.yaml); repeatable.</summary>
    public static InputField Conditions { get; } = new("conditions", InputKind.Name)
    {
        Cli = "--declare", Api = "declare", Batch = "conditions", MaxLength = InputBounds.MaxTextLength, Repeatable = true,
    };

    /// <summary>The caller's id of a batch line, copied to the output.</summary>
    public static InputField LineId { get; } = new("line id", InputKind.Text) { Batch = "id" };

    /// <summary>The entry a batch line belongs to.</summary>
    public static InputField EntryId { get; } = new("entry id", InputKind.Text) { Batch = "entry_id" };

    /// <summary>A declared amount of a broker's bill (<c>declared_duty_total</c>, <c>declared_9903.01.25</c>…), for
    /// <c>--compare</c>.</summary>
    public static InputField Declared { get; } = new("declared amount", InputKind.Amount) { Batch = "declared_*", Max = InputBounds.MaxAmount };

    /// <summary>Every measure added on the full value (the command line's switch).</summary>
    public static InputField Additive { get; } = new("additive stacking", InputKind.Flag) { Cli = "--additive" };

    /// <summary>How measures combine (the API's parameter).</summary>
    public static InputField Stacking { get; } = new("stacking", InputKind.Choice)
    {
        Api = "stacking", Choices = Spellings(("legal", []), ("additive", [])), ChoicePhrase = "a way of stacking: expected legal or additive",
    };

    /// <summary>Include every rule consulted.</summary>
    public static InputField Explain { get; } = new("explain", InputKind.Flag) { Api = "explain" };

    /// <summary>The rulebook to answer under: actual or a scenario.</summary>
    public static InputField Scenario { get; } = new("scenario", InputKind.Name) { Cli = "--scenario", Api = "scenario", MaxLength = InputBounds.MaxTextLength };

    /// <summary>The scenario compared with a baseline (<c>levy scenario compare BASE SCENARIO</c>).</summary>
    public static InputField ComparedScenario { get; } = new("compared scenario", InputKind.Name) { Cli = "scenario", MaxLength = InputBounds.MaxTextLength };

    /// <summary>The rulebook a scenario is compared with.</summary>
    public static InputField Baseline { get; } = new("baseline", InputKind.Name) { Cli = "baseline", Api = "base", MaxLength = InputBounds.MaxTextLength };

    // ---- Batches --------------------------------------------------------------------------------------------------

    /// <summary>The batch input file (<c>-</c> for stdin).</summary>
    public static InputField BatchFile { get; } = new("batch file", InputKind.InputPath) { Cli = "--file" };

    /// <summary>The batch format, for input and output.</summary>
    public static InputField BatchFormat { get; } = new("batch format", InputKind.Choice)
    {
        Cli = "--format", Choices = Spellings(("csv", []), ("jsonl", ["ndjson", "jsonlines"])), ChoicePhrase = "a batch format: expected csv or jsonl",
    };

    /// <summary>Where the batch rows go (stdout when not given).</summary>
    public static InputField BatchOutput { get; } = new("batch output", InputKind.OutputPath) { Cli = "--output" };

    /// <summary>Compare with the declared amounts (a batch), or with the published rates (<c>levy formula</c>).</summary>
    public static InputField Compare { get; } = new("compare", InputKind.Flag) { Cli = "--compare", Api = "compare" };

    // ---- Schedules, search, histories -----------------------------------------------------------------------------

    /// <summary>An HTS code or prefix to look up (2 to 10 digits).</summary>
    public static InputField LineCode { get; } = new("code", InputKind.HtsCode) { Cli = "code", Api = "code" };

    /// <summary>An HTS revision by name (<c>2025_rev_10</c>).</summary>
    public static InputField Revision { get; } = new("revision", InputKind.Name) { Cli = "--revision", Api = "revision", MaxLength = 40 };

    /// <summary>Words or a code to search for.</summary>
    public static InputField SearchWords { get; } = new("search words", InputKind.Text) { Cli = "words", Api = "q", MaxLength = InputBounds.MaxTextLength };

    /// <summary>The most search results.</summary>
    public static InputField SearchLimit { get; } = new("search limit", InputKind.Integer) { Cli = "--limit", Api = "limit", Min = 1, Max = 1_000 };

    /// <summary>Only 10-digit statistical lines.</summary>
    public static InputField Statistical { get; } = new("statistical only", InputKind.Flag) { Cli = "--statistical", Api = "statistical" };

    /// <summary>A country name or code being typed (country search).</summary>
    public static InputField CountryKey { get; } = new("country search", InputKind.Text) { Api = "key", MaxLength = InputBounds.MaxTextLength };

    /// <summary>The first date of a series.</summary>
    public static InputField From { get; } = new("from", InputKind.Date) { Cli = "--from", Api = "from" };

    /// <summary>The last date of a series.</summary>
    public static InputField To { get; } = new("to", InputKind.Date) { Cli = "--to", Api = "to" };

    /// <summary>The older revision of a diff.</summary>
    public static InputField DiffFrom { get; } = new("older revision", InputKind.Name) { Cli = "from", MaxLength = 40 };

    /// <summary>The newer revision of a diff.</summary>
    public static InputField DiffTo { get; } = new("newer revision", InputKind.Name) { Cli = "to", MaxLength = 40 };

    /// <summary>A heading or chapter a diff is limited to.</summary>
    public static InputField Within { get; } = new("within", InputKind.HtsCode) { Cli = "--within" };

    /// <summary>Every changed line of a diff, not only the first ones.</summary>
    public static InputField AllLines { get; } = new("all lines", InputKind.Flag) { Cli = "--all" };

    // ---- Analysis -------------------------------------------------------------------------------------------------

    /// <summary>Countries or groups, comma-separated (the API takes one country).</summary>
    public static InputField Countries { get; } = new("countries", InputKind.Text) { Cli = "--country", Api = "country", MaxLength = InputBounds.MaxTextLength };

    /// <summary>An authority to restrict an effective-rate series to.</summary>
    public static InputField Authority { get; } = new("authority", InputKind.Name) { Api = "authority", MaxLength = 40 };

    /// <summary>How many products and chapters a comparison lists.</summary>
    public static InputField Top { get; } = new("top", InputKind.Integer) { Cli = "--top", Api = "top", Min = 1, Max = 1_000 };

    /// <summary>The most rows a panel query shows.</summary>
    public static InputField MaxRows { get; } = new("max rows", InputKind.Integer) { Cli = "--max-rows", Min = 1, Max = 1_000_000 };

    /// <summary>A DuckDB query over a panel.</summary>
    public static InputField Sql { get; } = new("query", InputKind.Text) { Cli = "sql", MaxLength = 100_000 };

    /// <summary>HTS codes or prefixes a panel is limited to.</summary>
    public static InputField Products { get; } = new("products", InputKind.Text) { Cli = "--products" };

    /// <summary>A panel file to read.</summary>
    public static InputField PanelFile { get; } = new("panel file", InputKind.InputPath) { Cli = "--panel" };

    /// <summary>Import weights, CSV.</summary>
    public static InputField WeightsFile { get; } = new("weights file", InputKind.InputPath) { Cli = "--weights" };

    /// <summary>Unit values (USD per unit) that turn specific rates into ad valorem equivalents in panels.</summary>
    public static InputField UnitValuesFile { get; } = new("unit values file", InputKind.InputPath) { Cli = "--unit-values" };

    /// <summary>Weight a group's countries by their imports.</summary>
    public static InputField CountryWeights { get; } = new("country weights", InputKind.Flag) { Cli = "--country-weights" };

    /// <summary>Quote Canada and Mexico without a USMCA claim.</summary>
    public static InputField NoUsmca { get; } = new("no USMCA", InputKind.Flag) { Cli = "--no-usmca" };

    /// <summary>Where a panel or a chart is written (a chart: the name without extension).</summary>
    public static InputField Out { get; } = new("output file", InputKind.OutputPath) { Cli = "--out" };

    /// <summary>Where a panel's rows are also written as CSV.</summary>
    public static InputField PanelCsv { get; } = new("panel CSV", InputKind.OutputPath) { Cli = "--csv" };

    /// <summary>Where a daily effective-rate series is written.</summary>
    public static InputField DailyCsv { get; } = new("daily series", InputKind.OutputPath) { Cli = "--daily" };

    /// <summary>The reciprocal formula's elasticity of import demand.</summary>
    public static InputField Elasticity { get; } = new("elasticity", InputKind.Number) { Cli = "--elasticity", Min = 0.01m, Max = 100m };

    /// <summary>The reciprocal formula's pass-through of tariffs to import prices.</summary>
    public static InputField PassThrough { get; } = new("pass-through", InputKind.Number) { Cli = "--pass-through", Min = 0.01m, Max = 1m };

    /// <summary>The reciprocal formula's minimum rate.</summary>
    public static InputField Floor { get; } = new("floor", InputKind.Number) { Cli = "--floor", Min = 0m, Max = 1m };

    /// <summary>The share of the formula's rate charged.</summary>
    public static InputField Halving { get; } = new("halving", InputKind.Number) { Cli = "--halving", Min = 0m, Max = 1m };

    /// <summary>A bilateral trade table.</summary>
    public static InputField TradeFile { get; } = new("trade table", InputKind.InputPath) { Cli = "--trade" };

    // ---- Data -----------------------------------------------------------------------------------------------------

    /// <summary>The data folder.</summary>
    public static InputField DataDir { get; } = new("data folder", InputKind.InputPath) { Cli = "--data-dir" };

    /// <summary>A rulebook folder to use instead of the embedded one.</summary>
    public static InputField RulebookDir { get; } = new("rulebook folder", InputKind.InputPath) { Cli = "--rulebook" };

    /// <summary>Re-read every data file.</summary>
    public static InputField Verify { get; } = new("verify", InputKind.Flag) { Cli = "--verify" };

    /// <summary>The folder <c>levy data sync</c> fills.</summary>
    public static InputField SyncTarget { get; } = new("sync target", InputKind.OutputPath) { Cli = "--target" };

    /// <summary>A local mirror to copy from instead of downloading.</summary>
    public static InputField SyncMirror { get; } = new("mirror folder", InputKind.InputPath) { Cli = "--from" };

    /// <summary>The folders <c>levy data sync</c> fills (repeatable).</summary>
    public static InputField SyncOnly { get; } = new("sync folders", InputKind.Choice)
    {
        Cli = "--only", Repeatable = true, Choices = Spellings(("hts", []), ("policy", []), ("trade", [])), ChoicePhrase = "a data folder: expected hts, policy or trade",
    };

    /// <summary>Fetch files even when the stored copy matches.</summary>
    public static InputField Force { get; } = new("force", InputKind.Flag) { Cli = "--force" };

    /// <summary>Another host serving the upstream paths (tests, proxies).</summary>
    public static InputField BaseUrl { get; } = new("base URL", InputKind.Text) { Cli = "--base-url", MaxLength = 2_000 };

    // ---- Refunds: levy refund, POST /api/v1/refunds/analyze (docs/refunds.md) ------------------------------------------

    /// <summary>The refund ledger: a SQLite file (default <c>levy.db</c>) or a PostgreSQL connection string.</summary>
    public static InputField Ledger { get; } = new("refund ledger", InputKind.Text) { Cli = "--db", MaxLength = 2_000 };

    /// <summary>The day deadlines, phases and interest are judged on (default today).</summary>
    public static InputField AsOf { get; } = new("as-of date", InputKind.Date) { Cli = "--as-of", Api = "asOf" };

    /// <summary>The importer's 26 U.S.C. 6621 overpayment rate, for interest.</summary>
    public static InputField RateClass { get; } = new("overpayment rate class", InputKind.Choice)
    {
        Cli = "--rate-class", Api = "rateClass",
        Choices = Spellings(("corporate", []), ("noncorporate", ["non-corporate"]), ("corporate-large", [])),
        ChoicePhrase = "an overpayment rate class: expected corporate, noncorporate or corporate-large",
    };

    /// <summary>How many entries, lines, differences or error rows a refund command lists.</summary>
    public static InputField ListLimit { get; } = new("list limit", InputKind.Integer) { Cli = "--limit", Min = 1, Max = 1_000_000 };

    /// <summary>The export to import (an ES-003 report) or to reconcile (a REV-615 refund report): CSV or XLSX.</summary>
    public static InputField ExportFile { get; } = new("export file", InputKind.InputPath) { Cli = "file" };

    /// <summary>A column of an export read as a field (<c>Arrival Date=entry_date</c>); repeatable, one per column.</summary>
    public static InputField ColumnMapping { get; } = new("column mapping", InputKind.Text) { Cli = "--map", MaxLength = InputBounds.MaxTextLength, Repeatable = true };

    /// <summary>The format of an export (default: from the file's extension).</summary>
    public static InputField ExportFormat { get; } = new("export format", InputKind.Choice)
    {
        Cli = "--format", Choices = Spellings(("csv", []), ("xlsx", [])), ChoicePhrase = "an export format: expected csv or xlsx",
    };

    /// <summary>Import without checking the lines against the law.</summary>
    public static InputField NoCheck { get; } = new("no check", InputKind.Flag) { Cli = "--no-check" };

    /// <summary>Check every line of the ledger again, not only new, changed or stale ones.</summary>
    public static InputField RecheckAll { get; } = new("check all", InputKind.Flag) { Cli = "--all" };

    /// <summary>List only the lines with this flag.</summary>
    public static InputField RefundFlag { get; } = new("refund flag", InputKind.Choice)
    {
        Cli = "--flag", Choices = Spellings([.. RefundFlagReasons.All.Select(f => (RefundFlagReasons.Name(f), Array.Empty<string>()))]),
        ChoicePhrase = "a flag: expected " + Either(RefundFlagReasons.All.Select(RefundFlagReasons.Name)),
    };

    /// <summary>List only the entries of this standing.</summary>
    public static InputField Standing { get; } = new("standing", InputKind.Choice)
    {
        Cli = "--standing", Choices = Spellings(("phase-1", []), ("later-phase", []), ("protest", [])),
        ChoicePhrase = "a standing: expected phase-1, later-phase or protest",
    };

    /// <summary>The CAPE phase declared.</summary>
    public static InputField CapePhase { get; } = new("CAPE phase", InputKind.Integer) { Cli = "--phase", Min = 1, Max = 99 };

    /// <summary>The folder CAPE Declarations are written to.</summary>
    public static InputField DeclarationFolder { get; } = new("declaration folder", InputKind.OutputPath) { Cli = "--out" };

    /// <summary>How refund totals are grouped.</summary>
    public static InputField ReportBy { get; } = new("report grouping", InputKind.Choice)
    {
        Cli = "--by", Choices = Spellings(("importer", []), ("month", []), ("country", []), ("authority", []), ("phase", [])),
        ChoicePhrase = "a grouping: expected importer, month, country, authority or phase",
    };

    /// <summary>Where refund totals are also written as CSV.</summary>
    public static InputField ReportCsv { get; } = new("report CSV", InputKind.OutputPath) { Cli = "--csv" };

    /// <summary>Where the chart of IEEPA paid by month is written (SVG).</summary>
    public static InputField ReportChart { get; } = new("report chart", InputKind.OutputPath) { Cli = "--chart" };

    /// <summary>About how many rows of an ES-003-style file to generate.</summary>
    public static InputField GeneratedRows { get; } = new("rows to generate", InputKind.Integer) { Cli = "--rows", Min = 1, Max = 10_000_000 };

    /// <summary>The generator's seed.</summary>
    public static InputField GeneratorSeed { get; } = new("seed", InputKind.Integer) { Cli = "--seed", Min = 0, Max = int.MaxValue };

    /// <summary>The ES-003-style file generated.</summary>
    public static InputField GeneratedFile { get; } = new("generated file", InputKind.OutputPath) { Cli = "--output" };

    /// <summary>The name of an uploaded export, for messages.</summary>
    public static InputField UploadName { get; } = new("upload name", InputKind.Text) { Api = "name", MaxLength = InputBounds.MaxTextLength };

    /// <summary>Keep an upload in the server's ledger.</summary>
    public static InputField Store { get; } = new("store", InputKind.Flag) { Api = "store" };

    // ---- Exports Levy imports: ES-003 line-tariff reports and REV-615 refund reports (docs/refunds.md) ---------------
    // The value, origin, program, quantity and metal shares of an ES-003 row are the inputs above (the same bounds and
    // readers as a duty batch); these are the fields only an export has.

    /// <summary>The entry (summary) number.</summary>
    public static InputField EntrySummaryNumber { get; } = new("entry number", InputKind.EntryNumber) { Export = "entry_number" };

    /// <summary>The entry summary line number.</summary>
    public static InputField EntryLineNumber { get; } = new("entry line number", InputKind.Integer) { Export = "line_number", Min = 1, Max = 9_999 };

    /// <summary>The HTS number of an export's row: chapters 1 to 97, or a Chapter 99 heading (8 or 10 digits).</summary>
    public static InputField RowHts { get; } = new("HTS number", InputKind.HtsCode) { Export = "hts", MinDigits = 8 };

    /// <summary>The duty charged under the row's HTS number.</summary>
    public static InputField DutyPaid { get; } = new("duty paid", InputKind.Amount) { Export = "duty", Max = InputBounds.MaxAmount };

    /// <summary>The importer of record.</summary>
    public static InputField Importer { get; } = new("importer", InputKind.Text) { Export = "importer", MaxLength = InputBounds.MaxTextLength };

    /// <summary>The entry type code (01 consumption, 11 informal…).</summary>
    public static InputField EntryTypeCode { get; } = new("entry type code", InputKind.Integer) { Export = "entry_type", Min = 1, Max = 99 };

    /// <summary>The date of entry, as an export writes it.</summary>
    public static InputField ExportEntryDate { get; } = ExportDate("export entry date", "entry_date");

    /// <summary>The entry summary date.</summary>
    public static InputField SummaryDate { get; } = ExportDate("summary date", "summary_date");

    /// <summary>The date the duties were deposited.</summary>
    public static InputField DepositDate { get; } = ExportDate("deposit date", "deposit_date");

    /// <summary>The date the entry liquidated.</summary>
    public static InputField LiquidationDate { get; } = ExportDate("liquidation date", "liquidation_date");

    /// <summary>The liquidation status.</summary>
    public static InputField LiquidationStatus { get; } = new("liquidation status", InputKind.Text) { Export = "liquidation_status", MaxLength = InputBounds.MaxTextLength };

    /// <summary>The port of entry.</summary>
    public static InputField Port { get; } = new("port", InputKind.Text) { Export = "port", MaxLength = InputBounds.MaxTextLength };

    /// <summary>The CAPE Declaration a refund was paid under (REV-615).</summary>
    public static InputField DeclarationNumber { get; } = new("declaration number", InputKind.Text) { Export = "declaration_number", MaxLength = InputBounds.MaxTextLength };

    /// <summary>The principal refunded (REV-615).</summary>
    public static InputField RefundPrincipal { get; } = new("refund principal", InputKind.Amount) { Export = "principal", Max = InputBounds.MaxAmount };

    /// <summary>The interest refunded (REV-615).</summary>
    public static InputField RefundInterest { get; } = new("refund interest", InputKind.Amount) { Export = "interest", Max = InputBounds.MaxAmount };

    /// <summary>The refund's status (REV-615).</summary>
    public static InputField RefundStatus { get; } = new("refund status", InputKind.Text) { Export = "status", MaxLength = InputBounds.MaxTextLength };

    /// <summary>The date of the refund's status (REV-615).</summary>
    public static InputField RefundStatusDate { get; } = ExportDate("refund status date", "status_date");

    // ---- Every command ---------------------------------------------------------------------------------------------

    /// <summary>One JSON document on stdout.</summary>
    public static InputField Json { get; } = new("JSON output", InputKind.Flag) { Cli = "--json" };

    /// <summary>Diagnostics on stderr.</summary>
    public static InputField Verbose { get; } = new("verbose", InputKind.Flag) { Cli = "--verbose" };

    /// <summary>Every input, in the order above.</summary>
    public static ImmutableArray<InputField> All { get; } =
    [
        Product, Origin, EntryDate, LoadingDate, CustomsValue, Quantity, Quantity1, Unit1, Quantity2, Unit2, Mode, EntryType, Program,
        SteelShare, AluminumShare, CopperShare, SteelValue, AluminumValue, CopperValue, UsContentShare, Conditions, LineId, EntryId, Declared,
        Additive, Stacking, Explain, Scenario, ComparedScenario, Baseline, BatchFile, BatchFormat, BatchOutput, Compare, LineCode, Revision, SearchWords,
        SearchLimit, Statistical, CountryKey, From, To, DiffFrom, DiffTo, Within, AllLines, Countries, Authority, Top, MaxRows, Sql, Products,
        PanelFile, WeightsFile, UnitValuesFile, CountryWeights, NoUsmca, Out, PanelCsv, DailyCsv, Elasticity, PassThrough, Floor, Halving, TradeFile,
        DataDir, RulebookDir, Verify, SyncTarget, SyncMirror, SyncOnly, Force, BaseUrl,
        Ledger, AsOf, RateClass, ListLimit, ExportFile, ColumnMapping, ExportFormat, NoCheck, RecheckAll, RefundFlag, Standing, CapePhase,
        DeclarationFolder, ReportBy, ReportCsv, ReportChart, GeneratedRows, GeneratorSeed, GeneratedFile, UploadName, Store,
        EntrySummaryNumber, EntryLineNumber, RowHts, DutyPaid, Importer, EntryTypeCode, ExportEntryDate, SummaryDate, DepositDate, LiquidationDate,
        LiquidationStatus, Port, DeclarationNumber, RefundPrincipal, RefundInterest, RefundStatus, RefundStatusDate,
        Json, Verbose,
    ];

    /// <summary>The input an engine error names (<c>InvalidQuoteRequestException.Field</c>), or null: the engine calls a
    /// quote's inputs by their batch columns (<c>loading_date</c>, <c>steel_share</c>), and the product by its key
    /// (<c>product</c>).</summary>
    public static InputField? OfEngineField(string name) =>
        Find(InputSurface.Batch, name) ?? All.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.Ordinal));

    /// <summary>The input a surface calls <paramref name="name"/>, or null (the first in table order when a name means
    /// different inputs in different commands, such as <c>--from</c>).</summary>
    public static InputField? Find(InputSurface surface, string name)
    {
        foreach (InputField f in All)
        {
            if (string.Equals(f.NameOn(surface), name, StringComparison.Ordinal))
            {
                return f;
            }
        }

        return null;
    }

    /// <summary>Checks the quantities of one line together: at most <see cref="InputBounds.MaxQuantities"/>, and no two in
    /// the same unit or in units that convert into each other (the second would be ignored).</summary>
    /// <param name="quantities">The quantities, in the order given.</param>
    /// <returns>Null when they are good, else the reason (a sentence end, after the input's name).</returns>
    public static string? CheckQuantities(IReadOnlyList<Primitives.Quantity> quantities)
    {
        ArgumentNullException.ThrowIfNull(quantities);
        if (quantities.Count > InputBounds.MaxQuantities)
        {
            return InputMessages.Format(InputMessages.TooManyQuantities, quantities.Count, InputBounds.MaxQuantities);
        }

        for (int i = 0; i < quantities.Count; i++)
        {
            for (int j = i + 1; j < quantities.Count; j++)
            {
                if (!quantities[i].Unit.IsEmpty && quantities[i].Unit.TryConvert(quantities[j].Unit, out _))
                {
                    return InputMessages.Format(InputMessages.SameUnitTwice, quantities[i].Unit, quantities[i], quantities[j]);
                }
            }
        }

        return null;
    }

    /// <summary>Checks a repeatable list of names for a value given twice.</summary>
    /// <returns>Null when each value appears once, else the reason.</returns>
    public static string? CheckDistinct(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (string v in values)
        {
            if (!seen.Add(v.Trim()))
            {
                return InputMessages.Format(InputMessages.GivenTwice, v.Trim());
            }
        }

        return null;
    }

    // A date column of an export: the formats ACE and spreadsheets write, within 2000 to 2100.
    private static InputField ExportDate(string key, string field) => new(key, InputKind.Date)
    {
        Export = field, DateFormats = InputDates.Export, Earliest = InputDates.EarliestExport, Latest = InputDates.LatestExport,
    };

    // "a, b or c".
    private static string Either(IEnumerable<string> names)
    {
        string[] all = [.. names];
        return all.Length < 2 ? string.Concat(all) : string.Join(", ", all[..^1]) + " or " + all[^1];
    }

    private static FrozenDictionary<string, string> Spellings(params (string Choice, string[] Aliases)[] choices)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach ((string choice, string[] aliases) in choices)
        {
            all[choice] = choice;
            foreach (string alias in aliases)
            {
                all[alias] = choice;
            }
        }

        return all.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
