using System.Collections.Immutable;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Reports;
using Levy.Core.Tests.Calculation;

namespace Levy.Core.Tests.Reports;

public class QuoteComparisonViewTests
{
    private static readonly CountryDirectory Countries = new([], new Dictionary<string, ImmutableArray<CountryCode>>());

    private static QuoteView View(string scenario, params QuoteComponent[] components) =>
        QuoteView.From(TestQuotes.Quote("8703.23.01.90", "JP", "2025-10-01", components), Countries) with { Scenario = scenario };

    [Fact]
    public void Create_TheCarWithAndWithoutTheDeal_DiffersBy12Point5PointsUnderSection232()
    {
        // With the deal: 2.5% MFN and 12.5% under 9903.94.40 (15% all-in); without it: 25% under 9903.94.01.
        QuoteView deal = View("actual", TestQuotes.Base(new AdValoremRate(2.5m)), TestQuotes.Additional(Authority.Section232, "9903.94.40", 12.5m),
            TestQuotes.Exemption(Authority.IeepaReciprocal, "9903.01.33"));
        QuoteView noDeal = View("japan-no-deal", TestQuotes.Base(new AdValoremRate(2.5m)), TestQuotes.Additional(Authority.Section232, "9903.94.01", 25m),
            TestQuotes.Exemption(Authority.IeepaReciprocal, "9903.01.33"));

        QuoteComparisonView c = QuoteComparisonView.Create(deal, noDeal);

        Assert.Equal(("actual", "japan-no-deal"), (c.Baseline, c.Scenario));
        Assert.Equal((15m, 27.5m, 12.5m), (c.BaselineTotalPercent, c.ScenarioTotalPercent, c.DifferencePoints));
        Assert.Equal(["Mfn", "Section232", "IeepaReciprocal"], c.Authorities.Select(a => a.Authority));
        AuthorityDifferenceView s232 = c.Authorities[1];
        Assert.Equal((12.5m, 25m, 12.5m, true), (s232.Baseline, s232.Scenario, s232.Difference, s232.Changed));
        Assert.Equal(["9903.94.40"], s232.BaselineHeadings);
        Assert.Equal(["9903.94.01"], s232.ScenarioHeadings);
        Assert.False(c.Authorities[0].Changed);
        Assert.Equal("0", c.Authorities[0].Difference.ToString()); // not 0.0: it travels as written
        Assert.False(c.Authorities[2].Changed);
    }

    [Fact]
    public void Create_AnAuthorityOnlyOneSideCharges_IsZeroOnTheOther()
    {
        QuoteView actual = View("actual", TestQuotes.Base(new AdValoremRate(2.5m)), TestQuotes.Additional(Authority.IeepaReciprocal, "9903.01.25", 10m));
        QuoteView none = View("no-ieepa", TestQuotes.Base(new AdValoremRate(2.5m)));

        AuthorityDifferenceView reciprocal = QuoteComparisonView.Create(actual, none).Authorities.Single(a => a.Authority == "IeepaReciprocal");

        Assert.Equal((10m, 0m, -10m), (reciprocal.Baseline, reciprocal.Scenario, reciprocal.Difference));
        Assert.Empty(reciprocal.ScenarioHeadings);
    }

    [Fact]
    public void Create_ASpecificDutyWithoutValue_LeavesTheDifferenceOpen()
    {
        QuoteView a = View("actual", TestQuotes.Base(TestQuotes.Cheese));
        QuoteView b = View("no-ieepa", TestQuotes.Base(TestQuotes.Cheese));

        QuoteComparisonView c = QuoteComparisonView.Create(a, b);

        Assert.Null(c.DifferencePoints);
        Assert.Null(c.Authorities[0].Difference);
    }

    [Fact]
    public void Create_DifferentDates_Throws()
    {
        QuoteView a = View("actual", TestQuotes.Base(new AdValoremRate(2.5m)));

        Assert.Throws<ArgumentException>(() => QuoteComparisonView.Create(a, a with { EntryDate = new DateOnly(2025, 10, 2) }));
    }
}
