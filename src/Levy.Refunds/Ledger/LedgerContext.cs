using Microsoft.EntityFrameworkCore;

namespace Levy.Refunds.Ledger;

/// <summary>The refund ledger: entries, lines and their checks, imports and their error rows, declarations and the
/// refunds CBP reported. One model and one set of migrations for SQLite and PostgreSQL.</summary>
/// <remarks>Not thread-safe (an EF Core context); open one per unit of work with <see cref="LedgerDatabase"/>.</remarks>
public sealed class LedgerContext : DbContext
{
    /// <summary>Creates a context.</summary>
    public LedgerContext(DbContextOptions<LedgerContext> options)
        : base(options)
    {
    }

    /// <summary>Entries.</summary>
    public DbSet<EntryRecord> Entries => Set<EntryRecord>();

    /// <summary>Entry summary lines.</summary>
    public DbSet<LineRecord> Lines => Set<LineRecord>();

    /// <summary>Imports.</summary>
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();

    /// <summary>Rows of imports that could not be read.</summary>
    public DbSet<ImportErrorRecord> ImportErrors => Set<ImportErrorRecord>();

    /// <summary>Declarations written.</summary>
    public DbSet<DeclarationRecord> Declarations => Set<DeclarationRecord>();

    /// <summary>Entries declared.</summary>
    public DbSet<DeclaredEntryRecord> DeclaredEntries => Set<DeclaredEntryRecord>();

    /// <summary>Refunds reported by CBP.</summary>
    public DbSet<RefundRecord> Refunds => Set<RefundRecord>();

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<EntryRecord>(e =>
        {
            e.ToTable("entries");
            e.HasKey(x => x.EntryNumber);
            e.Property(x => x.EntryNumber).HasColumnName("entry_number").HasMaxLength(11);
            e.Property(x => x.Importer).HasColumnName("importer").HasMaxLength(64);
            e.Property(x => x.EntryType).HasColumnName("entry_type").HasMaxLength(2);
            e.Property(x => x.EntryDate).HasColumnName("entry_date");
            e.Property(x => x.SummaryDate).HasColumnName("summary_date");
            e.Property(x => x.DepositDate).HasColumnName("deposit_date");
            e.Property(x => x.LiquidationDate).HasColumnName("liquidation_date");
            e.Property(x => x.LiquidationStatus).HasColumnName("liquidation_status").HasMaxLength(32);
            e.Property(x => x.Port).HasColumnName("port").HasMaxLength(8);
            e.Property(x => x.ContentHash).HasColumnName("content_hash");
            e.Property(x => x.ImportId).HasColumnName("import_id");
        });
        modelBuilder.Entity<LineRecord>(e =>
        {
            e.ToTable("lines");
            e.HasKey(x => new { x.EntryNumber, x.LineNumber });
            e.Property(x => x.EntryNumber).HasColumnName("entry_number").HasMaxLength(11);
            e.Property(x => x.LineNumber).HasColumnName("line_number");
            e.Property(x => x.Hts).HasColumnName("hts").HasMaxLength(13);
            e.Property(x => x.Origin).HasColumnName("origin").HasMaxLength(2);
            e.Property(x => x.Program).HasColumnName("program").HasMaxLength(4);
            e.Property(x => x.ValueCents).HasColumnName("value_cents");
            e.Property(x => x.Quantity).HasColumnName("quantity").HasPrecision(18, 4);
            e.Property(x => x.SteelShare).HasColumnName("steel_share").HasPrecision(9, 6);
            e.Property(x => x.AluminumShare).HasColumnName("aluminum_share").HasPrecision(9, 6);
            e.Property(x => x.CopperShare).HasColumnName("copper_share").HasPrecision(9, 6);
            e.Property(x => x.OrdinaryPaidCents).HasColumnName("ordinary_paid_cents");
            e.Property(x => x.FentanylPaidCents).HasColumnName("fentanyl_paid_cents");
            e.Property(x => x.ReciprocalPaidCents).HasColumnName("reciprocal_paid_cents");
            e.Property(x => x.OtherPaidCents).HasColumnName("other_paid_cents");
            e.Property(x => x.Declared).HasColumnName("declared").HasMaxLength(400);
            e.Property(x => x.IeepaDeclared).HasColumnName("ieepa_declared");
            e.Property(x => x.RowCount).HasColumnName("row_count");
            e.Property(x => x.FirstRow).HasColumnName("first_row");
            e.Property(x => x.ContentHash).HasColumnName("content_hash");
            e.Property(x => x.CheckedWith).HasColumnName("checked_with").HasMaxLength(64);
            e.Property(x => x.Flags).HasColumnName("flags");
            e.Property(x => x.LawIeepaCents).HasColumnName("law_ieepa_cents");
            e.Property(x => x.LawNonIeepaCents).HasColumnName("law_non_ieepa_cents");
            e.Property(x => x.LawWithoutIeepaCents).HasColumnName("law_without_ieepa_cents");
            e.Property(x => x.ExposureCents).HasColumnName("exposure_cents");
            e.Property(x => x.CheckNote).HasColumnName("check_note").HasMaxLength(400);
            e.HasIndex(x => x.Flags).HasDatabaseName("ix_lines_flags");
        });
        modelBuilder.Entity<ImportRecord>(e =>
        {
            e.ToTable("imports");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.FileName).HasColumnName("file_name").HasMaxLength(260);
            e.Property(x => x.Sha256).HasColumnName("sha256").HasMaxLength(64);
            e.Property(x => x.ImportedAt).HasColumnName("imported_at");
            e.Property(x => x.Rows).HasColumnName("rows");
            e.Property(x => x.LinesAdded).HasColumnName("lines_added");
            e.Property(x => x.LinesUpdated).HasColumnName("lines_updated");
            e.Property(x => x.LinesUnchanged).HasColumnName("lines_unchanged");
            e.Property(x => x.ErrorRows).HasColumnName("error_rows");
        });
        modelBuilder.Entity<ImportErrorRecord>(e =>
        {
            e.ToTable("import_errors");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.ImportId).HasColumnName("import_id");
            e.Property(x => x.Row).HasColumnName("row");
            e.Property(x => x.Field).HasColumnName("field").HasMaxLength(64);
            e.Property(x => x.Value).HasColumnName("value").HasMaxLength(200);
            e.Property(x => x.Message).HasColumnName("message").HasMaxLength(400);
            e.HasIndex(x => x.ImportId).HasDatabaseName("ix_import_errors_import");
        });
        modelBuilder.Entity<DeclarationRecord>(e =>
        {
            e.ToTable("declarations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.Phase).HasColumnName("phase");
            e.Property(x => x.FileName).HasColumnName("file_name").HasMaxLength(260);
            e.Property(x => x.CreatedAt).HasColumnName("created_at");
            e.Property(x => x.AsOf).HasColumnName("as_of");
            e.Property(x => x.EntryCount).HasColumnName("entry_count");
            e.Property(x => x.IeepaCents).HasColumnName("ieepa_cents");
        });
        modelBuilder.Entity<DeclaredEntryRecord>(e =>
        {
            e.ToTable("declared_entries");
            e.HasKey(x => x.EntryNumber);
            e.Property(x => x.EntryNumber).HasColumnName("entry_number").HasMaxLength(11);
            e.Property(x => x.DeclarationId).HasColumnName("declaration_id");
            e.HasIndex(x => x.DeclarationId).HasDatabaseName("ix_declared_entries_declaration");
        });
        modelBuilder.Entity<RefundRecord>(e =>
        {
            e.ToTable("refunds");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasColumnName("id");
            e.Property(x => x.EntryNumber).HasColumnName("entry_number").HasMaxLength(11);
            e.Property(x => x.DeclarationNumber).HasColumnName("declaration_number").HasMaxLength(32);
            e.Property(x => x.PrincipalCents).HasColumnName("principal_cents");
            e.Property(x => x.InterestCents).HasColumnName("interest_cents");
            e.Property(x => x.Status).HasColumnName("status").HasMaxLength(64);
            e.Property(x => x.StatusDate).HasColumnName("status_date");
            e.Property(x => x.ReportFile).HasColumnName("report_file").HasMaxLength(260);
            e.HasIndex(x => new { x.EntryNumber, x.DeclarationNumber }).IsUnique().HasDatabaseName("ux_refunds_entry_declaration");
        });
    }
}
