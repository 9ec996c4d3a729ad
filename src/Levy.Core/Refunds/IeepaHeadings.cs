using System.Collections.Frozen;
using Levy.Core.Calculation;
using Levy.Core.Measures;
using Levy.Core.Primitives;

namespace Levy.Core.Refunds;

/// <summary>Which Chapter 99 headings charge an IEEPA duty, and under which authority: read from the rulebook's measures
/// (the heading of every measure whose authority is IEEPA fentanyl or IEEPA reciprocal, their twin passthrough headings
/// and their in-transit headings), never listed by hand.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class IeepaHeadings
{
    private readonly FrozenDictionary<HtsCode, Authority> _authorities;

    private IeepaHeadings(FrozenDictionary<HtsCode, Authority> authorities) => _authorities = authorities;

    /// <summary>The headings of a rulebook.</summary>
    public static IeepaHeadings From(Rulebook rulebook)
    {
        ArgumentNullException.ThrowIfNull(rulebook);
        var map = new Dictionary<HtsCode, Authority>();
        foreach (PolicyMeasure m in rulebook.Measures)
        {
            if (m.Authority is not (Authority.IeepaFentanyl or Authority.IeepaReciprocal))
            {
                continue;
            }

            Add(m.Heading, m.Authority);
            Add(m.TwinHeading, m.Authority);
            Add(m.InTransit?.Heading, m.Authority);
        }

        return new IeepaHeadings(map.ToFrozenDictionary());

        void Add(HtsCode? heading, Authority authority)
        {
            if (heading is { IsEmpty: false } h)
            {
                map.TryAdd(h, authority);
            }
        }
    }

    /// <summary>The number of headings known.</summary>
    public int Count => _authorities.Count;

    /// <summary>Every heading with its authority.</summary>
    public IEnumerable<KeyValuePair<HtsCode, Authority>> All => _authorities;

    /// <summary>The IEEPA authority of a heading, or null when it is not an IEEPA heading.</summary>
    public Authority? AuthorityOf(HtsCode heading) => _authorities.TryGetValue(heading, out Authority a) ? a : null;
}
