namespace Levy.Refunds.Ledger;

// The ledger's rows. Amounts are whole cents in 64-bit integers: exact, summable in SQL on both SQLite (which has no
// decimal type) and PostgreSQL, and converted to Money only at the edges.

/// <summary>An entry (one entry summary) of the ledger.</summary>
public sealed class EntryRecord
{
    /// <summary>The entry number, 11 characters without hyphens.</summary>
    public string EntryNumber { get; set; } = string.Empty;

    /// <summary>The importer of record number (or name), as the file gives it.</summary>
    public string Importer { get; set; } = string.Empty;

    /// <summary>The two-digit entry type code, or null.</summary>
    public string? EntryType { get; set; }

    /// <summary>The entry date (the duty rates of this date apply).</summary>
    public DateOnly EntryDate { get; set; }

    /// <summary>The entry summary date.</summary>
    public DateOnly SummaryDate { get; set; }

    /// <summary>The date the duties were deposited, when the file gives it (else the summary date is used).</summary>
    public DateOnly? DepositDate { get; set; }

    /// <summary>The liquidation date from the file, or null (then estimated).</summary>
    public DateOnly? LiquidationDate { get; set; }

    /// <summary>The liquidation status as the file gives it.</summary>
    public string? LiquidationStatus { get; set; }

    /// <summary>The port of entry code.</summary>
    public string? Port { get; set; }

    /// <summary>A hash of the entry-level fields, to tell a corrected entry from an unchanged one.</summary>
    public long ContentHash { get; set; }

    /// <summary>The import that last wrote the entry.</summary>
    public int ImportId { get; set; }
}

/// <summary>An entry summary line: its chapter 1–97 number, what it declared and paid, and the result of its check.</summary>
public sealed class LineRecord
{
    /// <summary>The entry number.</summary>
    public string EntryNumber { get; set; } = string.Empty;

    /// <summary>The entry summary line number.</summary>
    public int LineNumber { get; set; }

    /// <summary>The chapter 1–97 HTS number.</summary>
    public string Hts { get; set; } = string.Empty;

    /// <summary>The ISO country of origin.</summary>
    public string Origin { get; set; } = string.Empty;

    /// <summary>The Special Program Indicator claimed, or null.</summary>
    public string? Program { get; set; }

    /// <summary>The entered value in cents.</summary>
    public long ValueCents { get; set; }

    /// <summary>The quantity declared on the chapter 1–97 number, or null.</summary>
    public decimal? Quantity { get; set; }

    /// <summary>Steel share of the value, when the file gives it.</summary>
    public decimal? SteelShare { get; set; }

    /// <summary>Aluminum share of the value, when the file gives it.</summary>
    public decimal? AluminumShare { get; set; }

    /// <summary>Copper share of the value, when the file gives it.</summary>
    public decimal? CopperShare { get; set; }

    /// <summary>Duty paid on the chapter 1–97 number.</summary>
    public long OrdinaryPaidCents { get; set; }

    /// <summary>Duty paid on IEEPA fentanyl headings.</summary>
    public long FentanylPaidCents { get; set; }

    /// <summary>Duty paid on IEEPA reciprocal headings (including the Brazil and India add-ons).</summary>
    public long ReciprocalPaidCents { get; set; }

    /// <summary>Duty paid on other Chapter 99 headings.</summary>
    public long OtherPaidCents { get; set; }

    /// <summary>The Chapter 99 headings declared with their amounts: <c>9903.01.24=1234.56;9903.88.15=…</c>.</summary>
    public string Declared { get; set; } = string.Empty;

    /// <summary>True when an IEEPA heading was declared (even with no duty).</summary>
    public bool IeepaDeclared { get; set; }

    /// <summary>The number of file rows the line was built from.</summary>
    public int RowCount { get; set; }

    /// <summary>The file line of its first row.</summary>
    public int FirstRow { get; set; }

    /// <summary>A hash of everything the line declared, to tell a corrected line from an unchanged one.</summary>
    public long ContentHash { get; set; }

    /// <summary>The rulebook fingerprint the line was checked with, or null when not checked.</summary>
    public string? CheckedWith { get; set; }

    /// <summary>The flags of the check (<see cref="Core.Refunds.RefundFlags"/>).</summary>
    public int Flags { get; set; }

    /// <summary>IEEPA duty the law charged.</summary>
    public long? LawIeepaCents { get; set; }

    /// <summary>Other duties the law charged.</summary>
    public long? LawNonIeepaCents { get; set; }

    /// <summary>The whole duty without any IEEPA measure.</summary>
    public long? LawWithoutIeepaCents { get; set; }

    /// <summary>IEEPA duty the law charged but not declared.</summary>
    public long ExposureCents { get; set; }

    /// <summary>Why the line could not be checked, or a remark.</summary>
    public string? CheckNote { get; set; }
}

/// <summary>One import of a file.</summary>
public sealed class ImportRecord
{
    /// <summary>The id.</summary>
    public int Id { get; set; }

    /// <summary>The file name.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>The file's SHA-256, hex.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>When it was imported (UTC).</summary>
    public DateTime ImportedAt { get; set; }

    /// <summary>Rows read.</summary>
    public int Rows { get; set; }

    /// <summary>Lines added.</summary>
    public int LinesAdded { get; set; }

    /// <summary>Lines changed by this import.</summary>
    public int LinesUpdated { get; set; }

    /// <summary>Lines already in the ledger as the file has them.</summary>
    public int LinesUnchanged { get; set; }

    /// <summary>Rows that were errors.</summary>
    public int ErrorRows { get; set; }
}

/// <summary>A row of an import that could not be read.</summary>
public sealed class ImportErrorRecord
{
    /// <summary>The id.</summary>
    public int Id { get; set; }

    /// <summary>The import.</summary>
    public int ImportId { get; set; }

    /// <summary>The file line (1 is the header).</summary>
    public int Row { get; set; }

    /// <summary>The field.</summary>
    public string Field { get; set; } = string.Empty;

    /// <summary>The value found.</summary>
    public string? Value { get; set; }

    /// <summary>What is wrong.</summary>
    public string Message { get; set; } = string.Empty;
}

/// <summary>A CAPE Declaration written and recorded.</summary>
public sealed class DeclarationRecord
{
    /// <summary>The id.</summary>
    public int Id { get; set; }

    /// <summary>The CAPE phase.</summary>
    public int Phase { get; set; }

    /// <summary>The CSV file written.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>When it was written (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>The date eligibility was judged on.</summary>
    public DateOnly AsOf { get; set; }

    /// <summary>The number of entries.</summary>
    public int EntryCount { get; set; }

    /// <summary>The IEEPA duty paid on its entries, in cents.</summary>
    public long IeepaCents { get; set; }
}

/// <summary>An entry in a recorded declaration: an entry is declared once, ever.</summary>
public sealed class DeclaredEntryRecord
{
    /// <summary>The entry number (unique).</summary>
    public string EntryNumber { get; set; } = string.Empty;

    /// <summary>The declaration.</summary>
    public int DeclarationId { get; set; }
}

/// <summary>A refund CBP reported (REV-615 CAPE Details Refunds or a broker's equivalent).</summary>
public sealed class RefundRecord
{
    /// <summary>The id.</summary>
    public int Id { get; set; }

    /// <summary>The entry number.</summary>
    public string EntryNumber { get; set; } = string.Empty;

    /// <summary>CBP's CAPE declaration number, or an empty string.</summary>
    public string DeclarationNumber { get; set; } = string.Empty;

    /// <summary>The refund principal in cents.</summary>
    public long PrincipalCents { get; set; }

    /// <summary>The refund interest in cents.</summary>
    public long InterestCents { get; set; }

    /// <summary>The refund status (Sent to Treasury, Treasury Issued…).</summary>
    public string? Status { get; set; }

    /// <summary>The status or liquidation date the refund report gives.</summary>
    public DateOnly? StatusDate { get; set; }

    /// <summary>The report file it came from.</summary>
    public string ReportFile { get; set; } = string.Empty;
}
