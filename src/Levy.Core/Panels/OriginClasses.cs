using System.Text;
using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Core.Panels;

/// <summary>The countries of a panel grouped, for one epoch, into classes whose quotes are equal for every product: a
/// plan is evaluated once per class instead of once per country.</summary>
/// <remarks>
/// <para>Within an epoch the origin enters a quote only through two questions: is the country a column-2 country, and
/// which measures' country sets contain it (StackingRules). Two countries for which both answers lead to the same
/// evaluation get equal quotes for every product. The classes compare, per country, the column-2 flag and the sequence of
/// the measures in force that name it, in evaluation order (slot, then priority, then rulebook order). Measures that
/// differ only in heading, citation and countries but charge the same (the Phase 2 headings of countries with the same
/// rate, for instance) count as one: what is compared is everything that can change the totals (authority, program, slot,
/// priority, product scope, gates, and the kind, rate and basis read from the heading in each column).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class OriginClasses
{
    private OriginClasses(int[] classOf, int[] representatives)
    {
        ClassOf = classOf;
        Representatives = representatives;
    }

    /// <summary>For each country (by its position in the list given), the index of its class.</summary>
    public IReadOnlyList<int> ClassOf { get; }

    /// <summary>For each class, the position of one of its countries.</summary>
    public IReadOnlyList<int> Representatives { get; }

    /// <summary>The number of classes.</summary>
    public int Count => Representatives.Count;

    /// <summary>Groups <paramref name="countries"/> into classes for one epoch of an engine.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="epoch">The epoch.</param>
    /// <param name="countries">The countries.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is not an epoch of the engine.</exception>
    public static OriginClasses For(TariffEngine engine, Epoch epoch, IReadOnlyList<CountryCode> countries)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch.Index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(epoch.Index, engine.Epochs.Count);
        DateOnly start = epoch.Start;
        var revision = epoch.Revision;
        var rulebook = engine.Rulebook;

        // The measures in force, in evaluation order, each with an id of how it charges.
        var behaviours = new Dictionary<object, int>();
        var inForce = new List<(int Slot, int Priority, int Index, int Behaviour, CountrySet Countries)>();
        for (int i = 0; i < rulebook.Measures.Length; i++)
        {
            PolicyMeasure m = rulebook.Measures[i];
            if (m.PeriodOn(start) is null)
            {
                continue;
            }

            CandidateTerms terms = engine.Planner.TermsOf(i, revision);
            object key = (
                m with
                {
                    Id = string.Empty,
                    Heading = m.FootnoteLinked ? m.Heading : default,
                    TwinHeading = null,
                    Countries = null,
                    ExcludedCountries = null,
                    Periods = default,
                    Citation = string.Empty,
                    Notes = null,
                },
                m.Heading.IsEmpty,
                Terms(terms.General), Terms(terms.Special), Terms(terms.Other));
            if (!behaviours.TryGetValue(key, out int behaviour))
            {
                behaviours[key] = behaviour = behaviours.Count;
            }

            inForce.Add((rulebook.SlotIndex(m.Slot), m.Priority, i, behaviour, engine.Planner.CountriesOf(i, revision)));
        }

        inForce.Sort((a, b) => a.Slot != b.Slot ? a.Slot.CompareTo(b.Slot) : a.Priority != b.Priority ? b.Priority.CompareTo(a.Priority) : a.Index.CompareTo(b.Index));
        var classes = new Dictionary<string, int>(StringComparer.Ordinal);
        var classOf = new int[countries.Count];
        var representatives = new List<int>();
        var signature = new StringBuilder();
        for (int c = 0; c < countries.Count; c++)
        {
            signature.Clear().Append(engine.Roles.Column2.Contains(countries[c]) ? 'C' : 'G');
            foreach (var m in inForce)
            {
                if (m.Countries.Contains(countries[c]))
                {
                    signature.Append(m.Behaviour).Append(',');
                }
            }

            string key = signature.ToString();
            if (!classes.TryGetValue(key, out int k))
            {
                classes[key] = k = representatives.Count;
                representatives.Add(c);
            }

            classOf[c] = k;
        }

        return new OriginClasses(classOf, [.. representatives]);

        static (MeasureKind, decimal, DutyBasis) Terms(HeadingTermsOfColumn t) => (t.Kind, t.Rate, t.Basis);
    }
}
