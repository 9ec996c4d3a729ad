using System.Globalization;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Data.Tables;

namespace Levy.Data.Tests.Calculation;

/// <summary>Agreement with the independently derived cases of ../shared/cases/visible.csv.</summary>
public class VisibleCasesTests
{
    /// <summary>Cases where Levy differs from the derivation and the law supports Levy; each is explained in
    /// docs/validation.md. The test fails if one of them starts to agree (then remove it here and there).</summary>
    private static readonly Dictionary<string, string> ExplainedDifferences = new()
    {
        ["V026"] = "8482.10.50 is a Section 232 steel derivative from 2025-08-18 (FR Doc. 2025-15819 inclusions)",
        ["V055"] = "8482.10.50 is a Section 232 steel derivative from 2025-08-18",
        ["V061"] = "8482.10.50 is a Section 232 steel derivative from 2025-08-18",
        ["V027"] = "8482.10.50 is a Section 232 steel derivative until 2026-04-06, so U.S. note 2(aa)(v) excludes it from Section 122",
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

    private static string CasesPath => Path.Combine(SharedData.RepositoryRoot, "..", "shared", "cases", "visible.csv");

    private static CsvTable Cases => CsvTable.Read(CasesPath, "case_id");

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Quote_VisibleCase_AgreesWithIndependentDerivation(string caseId)
    {
        Assert.SkipWhen(caseId == Absent, $"The independently derived cases are read from {CasesPath}, which is absent (a clone without ../shared).");
        CsvRecord row = Cases.Records.Single(r => r["case_id"] == caseId);
        var request = new QuoteRequest
        {
            Product = HtsCode.Parse(row["hts10"]),
            Origin = CountryCode.Parse(row["country_iso2"]),
            EntryDate = row.Date("date"),
            ClaimedProgram = row["country_iso2"] == "KR" && row["note"].Contains("KORUS", StringComparison.OrdinalIgnoreCase) ? "KR" : null,
            CustomsValue = row.Decimal("customs_value_usd"),
        };

        RateQuote quote = SharedData.Data.Engine.Quote(request);

        decimal expected = row.Decimal("expected_total_rate");
        decimal? actual = quote.TotalAdValorem;
        TestContext.Current.SendDiagnosticMessage($"{caseId}: expected {expected}, Levy {actual} — {string.Join("; ", quote.Components.Select(c => $"{c.Heading?.ToString() ?? "base"} {c.AdValorem}"))}");
        if (ExplainedDifferences.TryGetValue(caseId, out string? why))
        {
            Assert.False(actual is { } a && Math.Abs(a - expected) < 0.0005m, $"{caseId} now agrees; remove it from the explained differences ({why}).");
            return;
        }

        Assert.NotNull(actual);
        Assert.True(Math.Abs(actual.Value - expected) < 0.0005m,
            $"{caseId}: expected {expected.ToString(CultureInfo.InvariantCulture)}, Levy {actual.Value.ToString(CultureInfo.InvariantCulture)}\n{Describe(quote)}");
    }

    internal static string Describe(RateQuote q) => string.Join("\n", q.Components.Select(c =>
        $"  {c.Authority} {c.Heading?.ToString() ?? "(base)"} {c.Kind} {c.AdValorem} — {c.Explanation}"))
        + "\n  not applied: " + string.Join("; ", q.NotApplied.Select(n => $"{n.MeasureId}: {n.Reason}"));
}
