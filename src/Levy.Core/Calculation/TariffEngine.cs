using System.Collections.Concurrent;
using System.Collections.Immutable;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation;

/// <summary>Computes what the United States charges on a product from a country on a date: the ordinary duty and every
/// Chapter 99 measure of the rulebook, combined by the stacking rules, with the reasons.</summary>
/// <remarks>
/// <para>The engine is a pure function of (rulebook, HTS revisions, request). The revision whose text is read for a date
/// comes from the <see cref="LegalTimeline"/>; a measure in force before the revision that prints its heading (a
/// retroactive change) reads the heading from the first later revision that prints it.</para>
/// <para>Everything that does not depend on the request (which measures may cover a product, the countries a heading
/// names, the heading texts) is computed once and cached. Thread-safe.</para>
/// </remarks>
public sealed partial class TariffEngine
{
    private readonly Func<HtsRevisionId, TariffSchedule> _schedules;
    private readonly ConcurrentDictionary<HtsCode, int[]> _candidates = new();
    private readonly ConcurrentDictionary<(HtsCode Heading, HtsRevisionId Revision), HeadingText?> _headings = new();
    private readonly ConcurrentDictionary<(int Measure, HtsRevisionId Revision), CountrySet> _countries = new();

    /// <summary>Creates an engine.</summary>
    /// <param name="rulebook">The measures and stacking choices.</param>
    /// <param name="timeline">Which revision governs each date.</param>
    /// <param name="schedules">Loads a revision (called once per revision; the caller caches).</param>
    /// <param name="countries">Resolves country names in headings and groups.</param>
    /// <param name="metal">Default metal content shares.</param>
    /// <param name="defaults">Other defaults.</param>
    public TariffEngine(Rulebook rulebook, LegalTimeline timeline, Func<HtsRevisionId, TariffSchedule> schedules, CountryDirectory countries,
        MetalShares metal, QuoteDefaults defaults)
    {
        Rulebook = rulebook;
        Timeline = timeline;
        _schedules = schedules;
        Countries = countries;
        Metal = metal;
        Defaults = defaults;
    }

    /// <summary>The rulebook.</summary>
    public Rulebook Rulebook { get; }

    /// <summary>The legal timeline.</summary>
    public LegalTimeline Timeline { get; }

    /// <summary>Countries and groups.</summary>
    public CountryDirectory Countries { get; }

    /// <summary>Default metal shares.</summary>
    public MetalShares Metal { get; }

    /// <summary>Other defaults.</summary>
    public QuoteDefaults Defaults { get; }

    /// <summary>A Chapter 99 heading as printed in some revision.</summary>
    /// <param name="Line">The printed line.</param>
    /// <param name="Revision">The revision it was read from.</param>
    /// <param name="Retroactive">True when read from a revision later than the one governing the date.</param>
    public sealed record HeadingText(HtsLine Line, HtsRevisionId Revision, bool Retroactive);

    /// <summary>The schedule of a revision.</summary>
    public TariffSchedule Schedule(HtsRevisionId revision) => _schedules(revision);

    /// <summary>The heading as printed in the revision governing a date (or, for a retroactive measure, the first later
    /// revision that prints it); null when no revision prints it.</summary>
    public HeadingText? FindHeading(HtsCode heading, HtsRevisionId governing) =>
        _headings.GetOrAdd((heading, governing), key =>
        {
            HtsLine? line = _schedules(key.Revision).FindLine(key.Heading);
            if (line is not null)
            {
                return new HeadingText(line, key.Revision, false);
            }

            foreach (HtsRevisionId later in Timeline.After(key.Revision))
            {
                line = _schedules(later).FindLine(key.Heading);
                if (line is not null)
                {
                    return new HeadingText(line, later, true);
                }
            }

            return null;
        });

    /// <summary>The countries a measure covers under the text of <paramref name="revision"/>.</summary>
    /// <exception cref="InvalidOperationException">The rulebook says to read the countries from the heading and the heading
    /// names none that Levy can resolve.</exception>
    public CountrySet CountriesOf(PolicyMeasure measure, int index, HtsRevisionId revision) =>
        _countries.GetOrAdd((index, revision), key =>
        {
            CountrySet set;
            if (measure.Countries is { } fixedSet)
            {
                set = fixedSet;
            }
            else
            {
                HeadingText? text = FindHeading(measure.Heading, key.Revision);
                if (text is null)
                {
                    return CountrySet.Create($"none ({measure.Heading} is not printed)", []);
                }

                ImmutableArray<CountryCode>? codes = HeadingCountries.Parse(text.Line.Description, Countries, Rulebook.Roles.EuropeanUnionGroup, out string? error);
                set = codes is { } c
                    ? CountrySet.Create(string.Join(", ", c), c)
                    : throw new InvalidOperationException($"Measure {measure.Id}: cannot read the countries of {measure.Heading} in {text.Revision}: {error}.");
            }

            return measure.ExcludedCountries is { } excluded ? set.Except(excluded, $"{set} except {excluded}") : set;
        });

    /// <summary>The indexes of the measures whose product scope may cover <paramref name="product"/> (any date).</summary>
    internal int[] CandidatesFor(HtsCode product, HtsProduct printed) =>
        _candidates.GetOrAdd(product, p =>
        {
            var list = new List<int>();
            for (int i = 0; i < Rulebook.Measures.Length; i++)
            {
                PolicyMeasure m = Rulebook.Measures[i];
                if (m.FootnoteLinked)
                {
                    if (printed.Footnotes.Any(f => f.References.Contains(m.Heading)))
                    {
                        list.Add(i);
                    }
                }
                else if (m.Products is null || m.Products.MayContain(p) || m.AlsoProducts.Any(a => a.MayContain(p)))
                {
                    list.Add(i);
                }
            }

            return [.. list];
        });

    /// <summary>The slot index of a slot name, or -1.</summary>
    internal int SlotIndex(string name)
    {
        for (int i = 0; i < Rulebook.Slots.Length; i++)
        {
            if (Rulebook.Slots[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
