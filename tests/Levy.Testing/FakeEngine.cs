using System.Collections.Immutable;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Testing;

/// <summary>A stand-in for the rate engine (shared by the Data and Cli tests and the benchmarks): a few products with
/// hand-written quotes, enough to exercise the duty path without the real engine or data.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>8703.23.01.90 (car): MFN 2.5%; from 2025-04-03 9903.94.01 +25% and 9903.01.33 declared; for Japan from
/// 2025-09-16 the 15% all-in 9903.94.41 instead.</item>
/// <item>0402.99.90.00: MFN 46.3¢/kg + 14.9% (units kg, kg cmsc).</item>
/// <item>7326.90.86.88: MFN 3.9%; 9903.85.08 50% on the aluminum share.</item>
/// <item>8471.30.01.00: Free.</item>
/// <item>Any other code of chapter 98: throws <see cref="KeyNotFoundException"/> (unknown code); 9999.99.99.99 throws
/// <see cref="InvalidOperationException"/> (an engine bug).</item>
/// </list>
/// </remarks>
public static class FakeEngine
{
    private static readonly TariffSchedule Schedule = new(HtsRevisionId.Parse("2025_rev_12"),
    [
        Line("0402.99.90.00", "kg", "kg cmsc"),
        Line("7326.90.86.88", "kg"),
        Line("8471.30.01.00", "No."),
        Line("8703.23.01.90", "No."),
    ]);

    private static readonly Rate Cheese = new CompoundRate([new SpecificRate(0.463m, UnitOfMeasure.Kilogram, true), new AdValoremRate(14.9m)]);

    public static RateQuote Quote(QuoteRequest r)
    {
        string code = r.Product.ToString();
        if (code == "9999.99.99.99")
        {
            throw new InvalidOperationException("engine bug");
        }

        HtsProduct product = Schedule.FindProduct(r.Product)
            ?? throw new KeyNotFoundException($"Unknown HTS code {r.Product} in {Schedule.Revision}.");
        var components = new List<QuoteComponent>();
        switch (code)
        {
            case "8703.23.01.90" when r.Origin.Value == "JP" && r.EntryDate >= new DateOnly(2025, 9, 16):
                components.Add(Base(new AdValoremRate(2.5m)));
                components.Add(new QuoteComponent(Authority.Section232, "autos", HtsCode.Parse("9903.94.41"), ComponentKind.Floor,
                    new AdValoremRate(15m), null, 1m, 0.15m, "s232-autos-jp", "EO 14345", "Japan deal"));
                break;
            case "8703.23.01.90":
                components.Add(Base(new AdValoremRate(2.5m)));
                if (r.EntryDate >= new DateOnly(2025, 4, 3))
                {
                    components.Add(Add(Authority.Section232, "9903.94.01", 0.25m, 1m));
                    components.Add(new QuoteComponent(Authority.IeepaReciprocal, "exempt", HtsCode.Parse("9903.01.33"), ComponentKind.Exemption,
                        new ApplicableSubheadingRate(null), 0m, 1m, null, "recip-232", "EO 14257", "232 goods"));
                }

                break;
            case "0402.99.90.00":
                components.Add(Base(Cheese));
                break;
            case "7326.90.86.88":
                components.Add(Base(new AdValoremRate(3.9m)));
                decimal share = r.Metal.Aluminum ?? 1m;
                components.Add(Add(Authority.Section232, "9903.85.08", 0.5m * share, share));
                break;
            default:
                components.Add(Base(FreeRate.Instance));
                break;
        }

        return new RateQuote(r, Schedule.Revision, product, [.. components], [], [], []);
    }

    /// <summary>One quote for everything (the benchmark's fixed quote function): the car on 2025-04-20.</summary>
    public static Func<QuoteRequest, RateQuote> Fixed()
    {
        RateQuote car = Quote(new QuoteRequest { Product = HtsCode.Parse("8703.23.01.90"), Origin = CountryCode.Parse("JP"), EntryDate = new DateOnly(2025, 4, 20) });
        return _ => car;
    }

    private static QuoteComponent Base(Rate rate) =>
        new(Authority.Mfn, "mfn", null, ComponentKind.Base, rate, rate is AdValoremRate a ? a.Fraction : rate is FreeRate ? 0m : null,
            1m, null, "mfn", "HTSUS", "ordinary duty");

    private static QuoteComponent Add(Authority authority, string heading, decimal adValorem, decimal share) =>
        new(authority, "test", HtsCode.Parse(heading), ComponentKind.Additional,
            new ApplicableSubheadingRate(new AdValoremRate(25m)), adValorem, share, null, "m-" + heading, "test", "test");

    private static HtsLine Line(string code, params string[] units) => TestSchedules.Counted(code, units);
}
