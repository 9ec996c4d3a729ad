using Levy.Core.Refunds;
using Levy.Refunds.Claims;
using Levy.Refunds.Import;
using Levy.Refunds.Ledger;

namespace Levy.Refunds.Tests;

/// <summary>Every flag on real lines, through the real engine, with its legal reason.</summary>
public sealed class LineCheckerTests
{
    private static (RefundLedger Ledger, Dictionary<string, LineRecord> Lines) Import(LineFiles file)
    {
        TestLedger test = Ledgers.Create("sqlite");
        using (MemoryStream stream = file.Stream())
        {
            new LedgerImporter(test.Database, RefundData.Headings, RefundData.Checker()).Import(stream, "lines.csv", TableFormat.Csv,
                cancellationToken: TestContext.Current.CancellationToken);
        }

        using LedgerContext db = test.Database.CreateContext();
        return (new RefundLedger(test.Database, RefundData.Rules), db.Lines.ToDictionary(l => l.EntryNumber));
    }

    [Fact]
    public void Check_ReciprocalDeclaredOnAJapaneseCarUnderSection232_IeepaNotChargedAndRefundable()
    {
        var file = new LineFiles();
        // 2025-04-20: the car pays 25% under Section 232 (9903.94.01) and is excluded from the reciprocal duty (9903.01.33);
        // the broker declared 9903.01.25 (+10%) as well.
        string entry = file.Add("8703.23.01.90", "JP", "2025-04-20", 40_000m, c => c.Insert(0, ("9903.01.25", 4_000m)));

        (RefundLedger _, Dictionary<string, LineRecord> lines) = Import(file);

        LineRecord line = lines[entry];
        Assert.Equal(RefundFlags.IeepaNotCharged, (RefundFlags)line.Flags);
        Assert.Equal(400_000, line.ReciprocalPaidCents);
        Assert.Equal(0, line.LawIeepaCents);
        Assert.Contains("9903.01.33", RefundFlagReasons.Reason(RefundFlags.IeepaNotCharged, RefundData.Rules), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ChineseToysWithoutTheirIeepaHeadings_IeepaUndeclaredExposure()
    {
        var file = new LineFiles();
        // 2025-06-02: Chinese toys owe the fentanyl duty (9903.01.24, 20%) and the reciprocal 10% (9903.01.25); none declared.
        string entry = file.Add("9503.00.00.90", "CN", "2025-06-02", 10_000m, c => c.RemoveAll(h => h.Heading.StartsWith("9903.01", StringComparison.Ordinal)));

        (RefundLedger _, Dictionary<string, LineRecord> lines) = Import(file);

        LineRecord line = lines[entry];
        Assert.Equal(RefundFlags.IeepaUndeclared, (RefundFlags)line.Flags);
        Assert.Equal(300_000, line.ExposureCents); // 30% of $10,000
        Assert.Equal(0, line.FentanylPaidCents + line.ReciprocalPaidCents);
    }

    [Fact]
    public void Check_FentanylDutyAtTheWrongRate_IeepaAmountDiffers()
    {
        var file = new LineFiles();
        string entry = file.Add("9503.00.00.90", "CN", "2025-06-02", 10_000m, c =>
        {
            int i = c.FindIndex(h => h.Heading == "9903.01.24");
            c[i] = (c[i].Heading, 2_500m); // 25% instead of 20%
        });

        (RefundLedger _, Dictionary<string, LineRecord> lines) = Import(file);

        Assert.Equal(RefundFlags.IeepaAmountDiffers, (RefundFlags)lines[entry].Flags);
        Assert.Equal(300_000, lines[entry].LawIeepaCents);
        Assert.Equal(350_000, lines[entry].FentanylPaidCents + lines[entry].ReciprocalPaidCents);
    }

    [Fact]
    public void Check_Section232AtTheWrongRate_NonIeepaDifferenceWithTheAmount()
    {
        var file = new LineFiles();
        string entry = file.Add("8703.23.01.90", "JP", "2025-04-20", 40_000m, c =>
        {
            int i = c.FindIndex(h => h.Heading == "9903.94.01");
            c[i] = (c[i].Heading, 6_000m); // 15% instead of 25%
        });

        (RefundLedger ledger, Dictionary<string, LineRecord> lines) = Import(file);

        Assert.Equal(RefundFlags.NonIeepaDifference, (RefundFlags)lines[entry].Flags);
        FlaggedLine flagged = Assert.Single(ledger.FlaggedLines(RefundFlags.NonIeepaDifference, 10));
        Assert.Equal(new Levy.Core.Primitives.Money(-4_000m), flagged.NonIeepaDifference);
    }

    [Fact]
    public void Check_EnteredTheDayAfterTheRuling_VoidButCollected()
    {
        var file = new LineFiles();
        string entry = file.Add("9503.00.00.90", "CN", "2026-02-21", 10_000m);

        (RefundLedger _, Dictionary<string, LineRecord> lines) = Import(file);

        Assert.Equal(RefundFlags.VoidButCollected, (RefundFlags)lines[entry].Flags);
        Assert.True(lines[entry].FentanylPaidCents + lines[entry].ReciprocalPaidCents > 0);
        Assert.Contains("void", RefundFlagReasons.Reason(RefundFlags.VoidButCollected, RefundData.Rules), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ACodeNotInTheSchedule_NotCheckedWithTheReason()
    {
        var file = new LineFiles();
        file.Raw("T3S-9000001-" + EntryNumber.ComputeCheckDigit("T3S9000001") + ",1,11-1111111AA,01,2025-06-02,2025-06-02,2704,,,9903.01.24,CN,0,200.00,,");
        file.Raw("T3S-9000001-" + EntryNumber.ComputeCheckDigit("T3S9000001") + ",1,11-1111111AA,01,2025-06-02,2025-06-02,2704,,,9503.00.00.99,CN,1000,0,,");

        (RefundLedger _, Dictionary<string, LineRecord> lines) = Import(file);

        LineRecord line = Assert.Single(lines.Values);
        Assert.Equal(RefundFlags.NotChecked, (RefundFlags)line.Flags);
        Assert.Contains("9503.00.00.99", line.CheckNote, StringComparison.Ordinal);
        Assert.Equal(20_000, line.FentanylPaidCents);
    }

    [Fact]
    public void Check_DeclaredAsTheLawSays_NoFlag()
    {
        var file = new LineFiles();
        string car = file.Add("8703.23.01.90", "JP", "2025-04-20", 40_000m);
        string toys = file.Add("9503.00.00.90", "CN", "2025-06-02", 10_000m);

        (RefundLedger _, Dictionary<string, LineRecord> lines) = Import(file);

        Assert.Equal(0, lines[car].Flags);
        Assert.Equal(0, lines[toys].Flags);
        Assert.Equal(lines[toys].LawIeepaCents, lines[toys].FentanylPaidCents + lines[toys].ReciprocalPaidCents);
    }
}
