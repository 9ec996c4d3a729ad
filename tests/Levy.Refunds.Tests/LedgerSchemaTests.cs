using Levy.Refunds.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Levy.Refunds.Tests;

/// <summary>The hand-written migrations create the schema the model maps, on both databases.</summary>
public sealed class LedgerSchemaTests
{
    [Theory]
    [MemberData(nameof(Ledgers.Providers), MemberType = typeof(Ledgers))]
    public void Migrate_FreshDatabase_EveryTableAndColumnOfTheModelReadsAndWrites(string provider)
    {
        using TestLedger test = Ledgers.Create(provider);
        using LedgerContext db = test.Database.CreateContext();

        Assert.Empty(db.Database.GetPendingMigrations());
        Assert.Equal(["20261202000000_InitialLedger"], db.Database.GetAppliedMigrations());
        db.Entries.Add(new EntryRecord { EntryNumber = "ABC12345676", Importer = "x", EntryDate = new DateOnly(2025, 5, 1), SummaryDate = new DateOnly(2025, 5, 2), LiquidationDate = new DateOnly(2026, 3, 12) });
        db.Lines.Add(new LineRecord { EntryNumber = "ABC12345676", LineNumber = 1, Hts = "9503.00.00.90", Origin = "CN", Quantity = 12.5m, SteelShare = 0.25m, Declared = "9903.01.24=1.00" });
        db.Imports.Add(new ImportRecord { FileName = "f", Sha256 = "s", ImportedAt = DateTime.UtcNow });
        db.ImportErrors.Add(new ImportErrorRecord { Field = "hts", Message = "m" });
        db.Declarations.Add(new DeclarationRecord { FileName = "d", CreatedAt = DateTime.UtcNow, AsOf = new DateOnly(2026, 4, 21) });
        db.DeclaredEntries.Add(new DeclaredEntryRecord { EntryNumber = "ABC12345676", DeclarationId = 1 });
        db.Refunds.Add(new RefundRecord { EntryNumber = "ABC12345676", PrincipalCents = 1, ReportFile = "r" });
        db.SaveChanges();
        db.ChangeTracker.Clear();

        Assert.Equal(new DateOnly(2026, 3, 12), db.Entries.Single().LiquidationDate);
        Assert.Equal(12.5m, db.Lines.Single().Quantity);
        Assert.Equal(0.25m, db.Lines.Single().SteelShare);
        Assert.Single(db.Imports);
        Assert.Single(db.ImportErrors);
        Assert.Single(db.Declarations);
        Assert.Single(db.DeclaredEntries);
        Assert.Single(db.Refunds);
        db.DeclaredEntries.Add(new DeclaredEntryRecord { EntryNumber = "ABC12345676", DeclarationId = 2 });
        Assert.ThrowsAny<Exception>(() => db.SaveChanges()); // an entry is declared once
    }

    [Fact]
    public void Open_FolderThatDoesNotExist_SaysWhich()
    {
        var e = Assert.Throws<LedgerException>(() => LedgerDatabase.Open("/nonexistent-levy-folder/levy.db"));

        Assert.Contains("/nonexistent-levy-folder", e.Message, StringComparison.Ordinal);
    }
}
