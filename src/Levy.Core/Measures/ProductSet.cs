using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Measures;

/// <summary>One entry of a product list: an HTS prefix (2 to 10 digits) and, when the list dates it, the period it is on
/// the list.</summary>
/// <param name="Prefix">The code or prefix; a product is covered when its code lies within it.</param>
/// <param name="From">The first day the entry counts, or null for "always".</param>
/// <param name="Until">The first day it no longer counts, or null.</param>
/// <param name="Heading">The Chapter 99 heading the list gives for this entry, when it gives one.</param>
public readonly record struct ProductListEntry(HtsCode Prefix, DateOnly? From = null, DateOnly? Until = null, HtsCode? Heading = null)
{
    /// <summary>True when the entry counts on <paramref name="date"/>.</summary>
    public bool IsInForce(DateOnly date) => (From is not { } f || date >= f) && (Until is not { } u || date < u);
}

/// <summary>A named set of products, read from a data file (an official list kept in the data folder), with per-entry dates.</summary>
/// <remarks>
/// Membership is tested by prefix: a 10-digit product is in the set when the set holds the product's code or any of its
/// 8-, 6-, 4- or 2-digit ancestors, in force on the date asked. The index is a sorted array of (prefix, entry number)
/// searched by bisection: cheap to build at start-up (a command builds every list the rulebook names), and a lookup is a
/// few dozen comparisons. Built once; immutable and thread-safe.
/// </remarks>
public sealed class ProductSet
{
    private const int EntryBits = 24;
    private readonly ulong[] _byPrefix;   // (prefix key << EntryBits) | number in Entries, sorted
    private readonly ulong[] _shadowedBy; // the same over ShadowedBy

    /// <summary>Creates a set.</summary>
    /// <param name="name">The rulebook name of the list.</param>
    /// <param name="source">Where it comes from (file and citation).</param>
    /// <param name="entries">The entries.</param>
    /// <param name="excluded">Prefixes never covered even when an entry covers them (e.g. 7201-7205 within chapter 72).</param>
    /// <param name="shadowedBy">Entries of sibling lists (lists that split one table, such as the annexes of the 2026 metals
    /// proclamation) that lie within an entry of this set: while one is in force, a product within it belongs to the
    /// sibling, whose listing is the more specific, unless this set lists the product more specifically still.</param>
    public ProductSet(string name, string source, IEnumerable<ProductListEntry> entries, IEnumerable<HtsCode>? excluded = null,
        IEnumerable<ProductListEntry>? shadowedBy = null)
    {
        Name = name;
        Source = source;
        Entries = entries.ToImmutableArray();
        Excluded = excluded?.ToImmutableArray() ?? ImmutableArray<HtsCode>.Empty;
        ShadowedBy = shadowedBy?.ToImmutableArray() ?? ImmutableArray<ProductListEntry>.Empty;
        _byPrefix = Index(Entries);
        _shadowedBy = Index(ShadowedBy);
    }

    /// <summary>The rulebook name.</summary>
    public string Name { get; }

    /// <summary>Where the list comes from.</summary>
    public string Source { get; }

    /// <summary>Prefixes carved out of the set.</summary>
    public ImmutableArray<HtsCode> Excluded { get; }

    /// <summary>Every entry.</summary>
    public ImmutableArray<ProductListEntry> Entries { get; }

    /// <summary>The more specific entries of sibling lists that take products away from this set's broader entries.</summary>
    public ImmutableArray<ProductListEntry> ShadowedBy { get; }

    /// <summary>The entry that covers <paramref name="product"/> on <paramref name="date"/>, or null.</summary>
    public ProductListEntry? Find(HtsCode product, DateOnly date) => Find(product, date, null);

    /// <summary>The entry that covers <paramref name="product"/> on <paramref name="date"/> and gives
    /// <paramref name="heading"/> (any heading when null), or null.</summary>
    public ProductListEntry? Find(HtsCode product, DateOnly date, HtsCode? heading)
    {
        if (IsCarvedOut(product))
        {
            return null;
        }

        for (int length = product.Length; length >= 2; length -= 2)
        {
            ulong key = Key(length == product.Length ? product : product.Truncate(length));
            for (int i = First(_byPrefix, key); i < _byPrefix.Length && _byPrefix[i] >> EntryBits == key; i++)
            {
                ProductListEntry e = Entries[Number(_byPrefix[i])];
                if (e.IsInForce(date) && (heading is null || e.Heading == heading))
                {
                    return IsShadowed(product, length, date) ? null : e;
                }
            }
        }

        return null;
    }

    /// <summary>True when a sibling list holds, on <paramref name="date"/>, an entry longer than <paramref name="listed"/>
    /// digits that covers the product: the most specific listing wins.</summary>
    private bool IsShadowed(HtsCode product, int listed, DateOnly date)
    {
        if (_shadowedBy.Length == 0)
        {
            return false;
        }

        for (int length = product.Length; length > listed; length -= 2)
        {
            ulong key = Key(length == product.Length ? product : product.Truncate(length));
            for (int i = First(_shadowedBy, key); i < _shadowedBy.Length && _shadowedBy[i] >> EntryBits == key; i++)
            {
                if (ShadowedBy[Number(_shadowedBy[i])].IsInForce(date))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when some entry covers <paramref name="product"/> at any date (used to pre-select candidate measures).</summary>
    public bool MayContain(HtsCode product)
    {
        if (IsCarvedOut(product))
        {
            return false;
        }

        for (int length = product.Length; length >= 2; length -= 2)
        {
            ulong key = Key(length == product.Length ? product : product.Truncate(length));
            int i = First(_byPrefix, key);
            if (i < _byPrefix.Length && _byPrefix[i] >> EntryBits == key)
            {
                return true;
            }
        }

        return false;
    }

    private bool IsCarvedOut(HtsCode product)
    {
        foreach (HtsCode x in Excluded)
        {
            if (product.IsWithin(x))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the set covers <paramref name="product"/> on <paramref name="date"/>.</summary>
    public bool Contains(HtsCode product, DateOnly date) => Find(product, date) is not null;

    /// <summary>The name and size.</summary>
    public override string ToString() => $"{Name} ({Entries.Length} entries)";

    private static ulong[] Index(ImmutableArray<ProductListEntry> entries)
    {
        if (entries.Length >= 1 << EntryBits)
        {
            throw new ArgumentException($"A product list holds at most {1 << EntryBits} entries.", nameof(entries));
        }

        ulong[] index = new ulong[entries.Length];
        for (int i = 0; i < index.Length; i++)
        {
            index[i] = (Key(entries[i].Prefix) << EntryBits) | (uint)i;
        }

        Array.Sort(index); // entries of one prefix stay in their order: the entry number breaks ties
        return index;
    }

    // A code's value and length, packed: unique per code (10 digits < 2^34, so it fits beside the length and the number).
    private static ulong Key(HtsCode code) => (code.Value << 4) | (uint)code.Length;

    private static int Number(ulong indexed) => (int)(indexed & ((1UL << EntryBits) - 1));

    // The first position whose key is at least `key`.
    private static int First(ulong[] index, ulong key)
    {
        ulong target = key << EntryBits;
        int lo = 0, hi = index.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (index[mid] < target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
