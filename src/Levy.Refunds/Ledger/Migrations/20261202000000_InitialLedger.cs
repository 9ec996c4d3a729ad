using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Levy.Refunds.Ledger.Migrations;

/// <summary>Version 1 of the ledger: entries, lines, imports, import errors, declarations, declared entries, refunds.</summary>
/// <remarks>Written by hand, without provider-specific column types: each provider maps the CLR types (long for cents,
/// DateOnly, bool, decimal with its precision, strings with their length), so SQLite and PostgreSQL run the same
/// migration. A later version is a new class beside this one, never an edit of it.</remarks>
[DbContext(typeof(LedgerContext))]
[Migration("20261202000000_InitialLedger")]
public sealed class InitialLedger : Migration
{
    /// <inheritdoc/>
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "entries",
            columns: table => new
            {
                entry_number = table.Column<string>(maxLength: 11, nullable: false),
                importer = table.Column<string>(maxLength: 64, nullable: false),
                entry_type = table.Column<string>(maxLength: 2, nullable: true),
                entry_date = table.Column<DateOnly>(nullable: false),
                summary_date = table.Column<DateOnly>(nullable: false),
                deposit_date = table.Column<DateOnly>(nullable: true),
                liquidation_date = table.Column<DateOnly>(nullable: true),
                liquidation_status = table.Column<string>(maxLength: 32, nullable: true),
                port = table.Column<string>(maxLength: 8, nullable: true),
                content_hash = table.Column<long>(nullable: false),
                import_id = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_entries", x => x.entry_number));

        migrationBuilder.CreateTable(
            name: "lines",
            columns: table => new
            {
                entry_number = table.Column<string>(maxLength: 11, nullable: false),
                line_number = table.Column<int>(nullable: false),
                hts = table.Column<string>(maxLength: 13, nullable: false),
                origin = table.Column<string>(maxLength: 2, nullable: false),
                program = table.Column<string>(maxLength: 4, nullable: true),
                value_cents = table.Column<long>(nullable: false),
                quantity = table.Column<decimal>(precision: 18, scale: 4, nullable: true),
                steel_share = table.Column<decimal>(precision: 9, scale: 6, nullable: true),
                aluminum_share = table.Column<decimal>(precision: 9, scale: 6, nullable: true),
                copper_share = table.Column<decimal>(precision: 9, scale: 6, nullable: true),
                ordinary_paid_cents = table.Column<long>(nullable: false),
                fentanyl_paid_cents = table.Column<long>(nullable: false),
                reciprocal_paid_cents = table.Column<long>(nullable: false),
                other_paid_cents = table.Column<long>(nullable: false),
                declared = table.Column<string>(maxLength: 400, nullable: false),
                ieepa_declared = table.Column<bool>(nullable: false),
                row_count = table.Column<int>(nullable: false),
                first_row = table.Column<int>(nullable: false),
                content_hash = table.Column<long>(nullable: false),
                checked_with = table.Column<string>(maxLength: 64, nullable: true),
                flags = table.Column<int>(nullable: false),
                law_ieepa_cents = table.Column<long>(nullable: true),
                law_non_ieepa_cents = table.Column<long>(nullable: true),
                law_without_ieepa_cents = table.Column<long>(nullable: true),
                exposure_cents = table.Column<long>(nullable: false),
                check_note = table.Column<string>(maxLength: 400, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_lines", x => new { x.entry_number, x.line_number }));
        migrationBuilder.CreateIndex(name: "ix_lines_flags", table: "lines", column: "flags");

        migrationBuilder.CreateTable(
            name: "imports",
            columns: table => new
            {
                id = Identity(table),
                file_name = table.Column<string>(maxLength: 260, nullable: false),
                sha256 = table.Column<string>(maxLength: 64, nullable: false),
                imported_at = table.Column<DateTime>(nullable: false),
                rows = table.Column<int>(nullable: false),
                lines_added = table.Column<int>(nullable: false),
                lines_updated = table.Column<int>(nullable: false),
                lines_unchanged = table.Column<int>(nullable: false),
                error_rows = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_imports", x => x.id));

        migrationBuilder.CreateTable(
            name: "import_errors",
            columns: table => new
            {
                id = Identity(table),
                import_id = table.Column<int>(nullable: false),
                row = table.Column<int>(nullable: false),
                field = table.Column<string>(maxLength: 64, nullable: false),
                value = table.Column<string>(maxLength: 200, nullable: true),
                message = table.Column<string>(maxLength: 400, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_import_errors", x => x.id));
        migrationBuilder.CreateIndex(name: "ix_import_errors_import", table: "import_errors", column: "import_id");

        migrationBuilder.CreateTable(
            name: "declarations",
            columns: table => new
            {
                id = Identity(table),
                phase = table.Column<int>(nullable: false),
                file_name = table.Column<string>(maxLength: 260, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                as_of = table.Column<DateOnly>(nullable: false),
                entry_count = table.Column<int>(nullable: false),
                ieepa_cents = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_declarations", x => x.id));

        migrationBuilder.CreateTable(
            name: "declared_entries",
            columns: table => new
            {
                entry_number = table.Column<string>(maxLength: 11, nullable: false),
                declaration_id = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_declared_entries", x => x.entry_number));
        migrationBuilder.CreateIndex(name: "ix_declared_entries_declaration", table: "declared_entries", column: "declaration_id");

        migrationBuilder.CreateTable(
            name: "refunds",
            columns: table => new
            {
                id = Identity(table),
                entry_number = table.Column<string>(maxLength: 11, nullable: false),
                declaration_number = table.Column<string>(maxLength: 32, nullable: false),
                principal_cents = table.Column<long>(nullable: false),
                interest_cents = table.Column<long>(nullable: false),
                status = table.Column<string>(maxLength: 64, nullable: true),
                status_date = table.Column<DateOnly>(nullable: true),
                report_file = table.Column<string>(maxLength: 260, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_refunds", x => x.id));
        migrationBuilder.CreateIndex(name: "ux_refunds_entry_declaration", table: "refunds", columns: ["entry_number", "declaration_number"], unique: true);
    }

    /// <inheritdoc/>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (string table in new[] { "refunds", "declared_entries", "declarations", "import_errors", "imports", "lines", "entries" })
        {
            migrationBuilder.DropTable(table);
        }
    }

    // An integer key the database numbers: AUTOINCREMENT on SQLite, an identity column on PostgreSQL (each provider reads
    // its own annotation and ignores the other's).
    private static OperationBuilder<AddColumnOperation> Identity(ColumnsBuilder table) =>
        table.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
