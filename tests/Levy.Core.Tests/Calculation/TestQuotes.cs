using System.Collections.Immutable;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Core.Tests.Calculation;

/// <summary>Quotes built by hand with the public <see cref="RateQuote"/> constructor, as the rate engine would return them.</summary>
internal static class TestQuotes
{
    private static readonly TariffSchedule Schedule = new(HtsRevisionId.Parse("2025_rev_8"),
    [
        Line("0402.99.90.00", "kg", "kg cmsc"),
        Line("8703.23.01.90", "No."),
        Line("7326.90.86.88", "kg"),
        Line("6110.20.20.79", "doz.", "kg"),
    ]);

    internal static readonly Rate Cheese = new CompoundRate([new SpecificRate(0.463m, UnitOfMeasure.Kilogram, true), new AdValoremRate(14.9m)]);

    private static HtsLine Line(string code, params string[] units) => new()
    {
        Code = HtsCode.Parse(code),
        Indent = 0,
        Description = "test line " + code,
        Units = [.. units.Select(UnitOfMeasure.Parse)],
        Footnotes = [],
    };

    internal static HtsProduct Product(string code) => Schedule.FindProduct(HtsCode.Parse(code))!;

    internal static QuoteComponent Base(Rate rate, decimal? adValorem = null) =>
        new(Authority.Mfn, "mfn", null, ComponentKind.Base, rate, adValorem ?? (rate is AdValoremRate a ? a.Fraction : rate is FreeRate ? 0m : null),
            1m, null, "mfn", "HTSUS column 1 General", "ordinary duty");

    internal static QuoteComponent Additional(Authority authority, string heading, decimal percent, decimal share = 1m) =>
        new(authority, "test", HtsCode.Parse(heading), ComponentKind.Additional,
            new ApplicableSubheadingRate(new AdValoremRate(percent), share == 1m ? DutyBasis.FullValue : DutyBasis.SteelContent),
            percent / 100m * share, share, null, "m-" + heading, "test citation", "test");

    internal static QuoteComponent Floor(string heading, decimal floorPercent) =>
        new(Authority.IeepaReciprocal, "floor", HtsCode.Parse(heading), ComponentKind.Floor, new AdValoremRate(floorPercent),
            null, 1m, floorPercent / 100m, "m-" + heading, "test citation", "all-in");

    internal static QuoteComponent Exemption(Authority authority, string heading) =>
        new(authority, "exempt", HtsCode.Parse(heading), ComponentKind.Exemption, new ApplicableSubheadingRate(null),
            0m, 1m, null, "m-" + heading, "test citation", "exempt");

    internal static RateQuote Quote(string code, string origin, string date, params QuoteComponent[] components) =>
        Quote(code, origin, date, null, components);

    internal static RateQuote Quote(string code, string origin, string date, string? program, params QuoteComponent[] components)
    {
        var request = new QuoteRequest
        {
            Product = HtsCode.Parse(code),
            Origin = CountryCode.Parse(origin),
            EntryDate = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            ClaimedProgram = program,
        };
        return new RateQuote(request, Schedule.Revision, Product(code), [.. components], [], [], []);
    }

    internal static ImmutableArray<Quantity> Kg(decimal kg) => [new Quantity(kg, UnitOfMeasure.Kilogram)];
}
