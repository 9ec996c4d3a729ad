using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;
using Levy.Core.Primitives;

namespace Levy.Core.Tests.Calculation;

/// <summary>The fee figures of rulebook/fees.yaml, written out by hand (Levy.Data.Tests checks that the YAML gives the same).</summary>
internal static class TestFees
{
    internal static FeeSchedule Schedule { get; } = new(
        [
            new MpfRates("FY2025", new EffectivePeriod(new(2024, 10, 1), new(2025, 10, 1)), 0.003464m, new(32.71m), new(634.62m), new(2.62m), "89 FR 59126"),
            new MpfRates("FY2026", new EffectivePeriod(new(2025, 10, 1), new(2026, 10, 1)), 0.003464m, new(33.58m), new(651.50m), new(2.69m), "90 FR 34665"),
        ],
        [new HmfRates(new EffectivePeriod(new(2024, 10, 1), null), 0.00125m, "19 CFR 24.24")],
        new InformalEntryRule(new(2500m), new(250m), new DateOnly(2025, 4, 30), "19 CFR 143.21(a)"),
        ["S", "S+", "AU", "BH", "CL", "P", "P+", "KR", "E"],
        new DeMinimisRule(new(800m), "19 U.S.C. 1321(a)(2)(C)",
        [
            new DeMinimisSuspension(new EffectivePeriod(new(2025, 5, 2), null), [CountryCode.Parse("CN"), CountryCode.Parse("HK")], "EO 14256"),
            new DeMinimisSuspension(new EffectivePeriod(new(2025, 8, 29), null), [], "EO 14324"),
        ]));
}
