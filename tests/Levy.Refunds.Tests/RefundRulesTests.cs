using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Refunds;

namespace Levy.Refunds.Tests;

public sealed class RefundRulesTests
{
    [Fact]
    public void Read_Rulebook_QuartersCover2025To2026WithSources()
    {
        RefundRules rules = RefundData.Rules;

        Assert.Equal(new DateOnly(2026, 2, 20), rules.RulingDate);
        Assert.Equal(new DateOnly(2026, 2, 24), rules.CollectionEnded);
        Assert.Equal(9_999, rules.MaxEntriesPerDeclaration);
        Assert.Equal((314, 90, 180, 80), (rules.LiquidationDays, rules.ReliquidationDays, rules.ProtestDays, rules.Phase1DaysAfterLiquidation));
        Assert.Equal(new DateOnly(2025, 1, 1), rules.Quarters[0].Period.Start);
        Assert.True(rules.Quarters[^1].Period.End >= new DateOnly(2027, 1, 1));
        Assert.All(rules.Quarters, q => Assert.False(string.IsNullOrWhiteSpace(q.Source)));
        Assert.All(rules.Quarters.Where(q => !q.Verified), q => Assert.False(string.IsNullOrWhiteSpace(q.Note)));
        Assert.Equal(0.06m, rules.QuarterOn(new DateOnly(2025, 7, 4))!.Corporate);
        Assert.Contains("90 FR 9036", rules.QuarterOn(new DateOnly(2025, 2, 1))!.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Rulebook_CollectionEndsWhereTheIeepaMeasuresEnd()
    {
        var ieepa = RefundData.Data.Policy.Rulebook.Measures.Where(m => m.Authority is Authority.IeepaFentanyl or Authority.IeepaReciprocal);

        Assert.Equal(RefundData.Rules.CollectionEnded, ieepa.SelectMany(m => m.Periods).Max(p => p.Period.End));
    }

    [Theory]
    [InlineData("9903.01.24", Authority.IeepaFentanyl)]   // China and Hong Kong
    [InlineData("9903.01.10", Authority.IeepaFentanyl)]   // Canada
    [InlineData("9903.01.25", Authority.IeepaReciprocal)] // baseline 10%
    [InlineData("9903.01.33", Authority.IeepaReciprocal)] // the Section 232 exclusion, declared at zero
    [InlineData("9903.02.20", Authority.IeepaReciprocal)] // EU floor
    [InlineData("9903.02.19", Authority.IeepaReciprocal)] // its twin passthrough
    [InlineData("9903.01.77", Authority.IeepaReciprocal)] // Brazil
    [InlineData("9903.01.84", Authority.IeepaReciprocal)] // India
    [InlineData("9903.01.28", Authority.IeepaReciprocal)] // in transit
    public void IeepaHeadings_FromTheRulebook_KnowTheirAuthority(string heading, Authority authority)
    {
        Assert.Equal(authority, RefundData.Headings.AuthorityOf(HtsCode.Parse(heading)));
    }

    [Theory]
    [InlineData("9903.88.15")] // Section 301
    [InlineData("9903.81.87")] // Section 232 steel
    [InlineData("9903.03.01")] // Section 122
    public void IeepaHeadings_OtherAuthorities_AreNotIeepa(string heading)
    {
        Assert.Null(RefundData.Headings.AuthorityOf(HtsCode.Parse(heading)));
    }
}
