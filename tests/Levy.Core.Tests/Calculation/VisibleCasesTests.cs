using System.Globalization;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Data.Tables;

namespace Levy.Core.Tests.Calculation;

/// <summary>Agreement with the independently derived cases of ../shared/cases/visible.csv: each case's extra options (the
/// <c>args</c> column, CLI-style: <c>--steel-share 0.2 --program KR</c>) are applied, and a case agrees with either of its
/// totals (<c>expected_total_rate</c>, or <c>alt_total_rate</c> where the law supports two readings).</summary>
public class VisibleCasesTests
{
    /// <summary>Cases whose answer is argued in docs/validation.md, pinned to Levy's own total so that any change to them
    /// fails here (then update the pin, the reason and the document together).</summary>
    private static readonly Dictionary<string, (decimal Levy, string Why)> Pinned = new()
    {
        ["V026"] = (0.238m, "8482.10.50 is a Section 232 steel derivative (9903.81.91) from 2025-08-18 (FR Doc. 2025-15819): 9% + 50% x 20% + (15% - 9%) x 80%"),
        ["V055"] = (0.238m, "the same bearing from Italy: the EU floor on the non-steel 80% (9903.01.33, CSMS #65829726)"),
        ["V061"] = (0.22m, "the same bearing from Korea with KORUS: 0% + 10% + 15% x 80% (Korea's +15% before its floor of 2025-11-14)"),
        ["V027"] = (0.19m, "until 2026-04-06 the bearing is a 9903.81.91 derivative, which U.S. note 2(aa)(v) excludes from Section 122 as a whole (9903.03.06); the alternative 0.27 charges 122 on the non-metal share"),
    };

    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        if (!File.Exists(CasesPath))
        {
            data.Add(Absent); // one row that reports itself skipped, rather than a theory without data
            return data;
        }

        foreach (CsvRecord r in Cases.Records)
        {
            data.Add(r["case_id"]);
        }

        return data;
    }

    private const string Absent = "(../shared/cases/visible.csv absent)";

    private static string CasesPath => Path.Combine(TestData.RepositoryRoot, "..", "shared", "cases", "visible.csv");

    private static CsvTable Cases
    {
        get
        {
            Assert.SkipUnless(File.Exists(CasesPath), $"The independently derived cases are read from {CasesPath}, which is absent (a clone without ../shared).");
            return CsvTable.Read(CasesPath, "case_id", "args", "alt_total_rate");
        }
    }

    /// <summary>The request of a case: product, origin, date, value, and the options of its <c>args</c> column.</summary>
    internal static QuoteRequest RequestOf(CsvRecord row)
    {
        var request = new QuoteRequest
        {
            Product = HtsCode.Parse(row["hts10"]),
            Origin = CountryCode.Parse(row["country_iso2"]),
            EntryDate = row.Date("date"),
            CustomsValue = row.Decimal("customs_value_usd"),
        };
        return CaseArgs.Apply(request, row["args"], row["case_id"]);
    }

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Quote_VisibleCase_AgreesWithIndependentDerivation(string caseId)
    {
        CsvRecord row = Cases.Records.Single(r => r["case_id"] == caseId);
        RateQuote quote = TestData.Data.Engine.Quote(RequestOf(row));

        decimal expected = row.Decimal("expected_total_rate");
        decimal? alternative = row.Optional("alt_total_rate") is { } alt ? decimal.Parse(alt, CultureInfo.InvariantCulture) : null;
        decimal? actual = quote.TotalAdValorem;
        TestContext.Current.SendDiagnosticMessage($"{caseId}: expected {expected} (or {alternative}), Levy {actual} — {string.Join("; ", quote.Components.Select(c => $"{c.Heading?.ToString() ?? "base"} {c.AdValorem}"))}");
        Assert.NotNull(actual);
        if (Pinned.TryGetValue(caseId, out var pin))
        {
            Assert.True(actual == pin.Levy, $"{caseId}: Levy's total moved from the pinned {pin.Levy} to {actual} ({pin.Why}); update docs/validation.md\n{Describe(quote)}");
        }

        Assert.True(Math.Abs(actual.Value - expected) < 0.0005m || alternative is { } a && Math.Abs(actual.Value - a) < 0.0005m,
            $"{caseId}: expected {expected.ToString(CultureInfo.InvariantCulture)}{(alternative is null ? string.Empty : $" or {alternative}")}, Levy {actual.Value.ToString(CultureInfo.InvariantCulture)}\n{Describe(quote)}");
    }

    [Fact]
    public void Cases_PinnedAreExactlyTheArguedOnes()
    {
        _ = Cases; // skips (outside the assertions below, which would report the skip as a failure) where the cases are absent
        Assert.All(Pinned.Keys, id => Assert.Contains(Cases.Records, r => r["case_id"] == id));
        string validation = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "docs", "validation.md"));
        Assert.All(Pinned.Keys, id => Assert.Contains(id, validation, StringComparison.Ordinal));
    }

    internal static string Describe(RateQuote q) => string.Join("\n", q.Components.Select(c =>
        $"  {c.Authority} {c.Heading?.ToString() ?? "(base)"} {c.Kind} {c.AdValorem} — {c.Explanation}"))
        + "\n  not applied: " + string.Join("; ", q.NotApplied.Select(n => $"{n.MeasureId}: {n.Reason}"));
}
