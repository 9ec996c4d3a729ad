using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Measures;

/// <summary>A set of countries as a bitmap over <see cref="CountryCode.Index"/>: membership is one bit test.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class CountrySet
{
    private readonly ulong[] _bits = new ulong[11]; // 676 possible two-letter codes

    private CountrySet(string description) => Description = description;

    /// <summary>Every country.</summary>
    public static CountrySet All { get; } = Create("all countries", Enumerable.Range(0, 676).Select(i => CountryCode.Parse($"{(char)('A' + i / 26)}{(char)('A' + i % 26)}")));

    /// <summary>How the set was written, for explanations (<c>EU</c>, <c>JP, KR</c>, <c>all countries except CA, MX</c>).</summary>
    public string Description { get; }

    /// <summary>The members, in code order.</summary>
    public ImmutableArray<CountryCode> Members
    {
        get
        {
            var list = ImmutableArray.CreateBuilder<CountryCode>();
            for (int i = 0; i < 676; i++)
            {
                if ((_bits[i >> 6] & (1UL << (i & 63))) != 0)
                {
                    list.Add(CountryCode.Parse($"{(char)('A' + i / 26)}{(char)('A' + i % 26)}"));
                }
            }

            return list.ToImmutable();
        }
    }

    /// <summary>A set of the given countries.</summary>
    public static CountrySet Create(string description, IEnumerable<CountryCode> members)
    {
        var set = new CountrySet(description);
        foreach (CountryCode c in members)
        {
            int i = c.Index;
            set._bits[i >> 6] |= 1UL << (i & 63);
        }

        return set;
    }

    /// <summary>This set without the members of <paramref name="other"/>.</summary>
    public CountrySet Except(CountrySet other, string description)
    {
        var set = new CountrySet(description);
        for (int i = 0; i < _bits.Length; i++)
        {
            set._bits[i] = _bits[i] & ~other._bits[i];
        }

        return set;
    }

    /// <summary>True when <paramref name="country"/> is in the set.</summary>
    public bool Contains(CountryCode country)
    {
        int i = country.Index;
        return i >= 0 && (_bits[i >> 6] & (1UL << (i & 63))) != 0;
    }

    /// <summary>The description.</summary>
    public override string ToString() => Description;
}
