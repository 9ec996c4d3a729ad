using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Calculation;

/// <summary>The question a quote answers: what the United States charges on this product, from this country, entered on
/// this date, given what the importer declares.</summary>
/// <remarks>
/// <para>Only <see cref="Product"/>, <see cref="Origin"/> and <see cref="EntryDate"/> are required. Every optional input has
/// a default that the quote reports among its assumptions (e.g. the metal content of a Section 232 derivative defaults to
/// the BEA-based estimate; no preference program is claimed).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record QuoteRequest
{
    /// <summary>The HTS code of the goods (10 digits; an 8-digit tariff line is accepted).</summary>
    public required HtsCode Product { get; init; }

    /// <summary>The country of origin.</summary>
    public required CountryCode Origin { get; init; }

    /// <summary>The date of entry for consumption (or withdrawal from warehouse).</summary>
    public required DateOnly EntryDate { get; init; }

    /// <summary>The date the goods were loaded onto the vessel or final mode of transport, for the in-transit exceptions;
    /// null means "not in transit across a change" (loaded on the entry date's regime).</summary>
    public DateOnly? LoadingDate { get; init; }

    /// <summary>The Special Program Indicator claimed on the entry (<c>S</c> for USMCA, <c>KR</c>, <c>JP</c>, <c>AU</c>…),
    /// or null for none.</summary>
    public string? ClaimedProgram { get; init; }

    /// <summary>Metal content as shares of the customs value; null entries fall back to defaults.</summary>
    public MetalContent Metal { get; init; }

    /// <summary>The share of the customs value that is U.S. content (0–1), for 232 autos under USMCA and the
    /// reciprocal U.S.-content rule; null for the default.</summary>
    public decimal? UsContentShare { get; init; }

    /// <summary>Facts the importer certifies (rulebook conditions.yaml), e.g. <c>us-melted-metal</c>.</summary>
    public ImmutableArray<string> Conditions { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>How the goods arrived; matters for fees and some exemptions.</summary>
    public TransportMode? Mode { get; init; }

    /// <summary>The customs value in USD, when known: needed to turn specific duties into an ad valorem equivalent
    /// (and so to apply the 15% floors exactly to specific or compound MFN rates).</summary>
    public decimal? CustomsValue { get; init; }

    /// <summary>Quantities in the units of the rate texts (e.g. kg, liters), for specific duties.</summary>
    public ImmutableArray<Quantity> Quantities { get; init; } = ImmutableArray<Quantity>.Empty;

    /// <summary>False to skip the reasons (measures not applied, assumptions, explanation texts): the lean quote of batches,
    /// with the same components and amounts. Default true.</summary>
    public bool Explain { get; init; } = true;

    /// <summary>True to record every rule consulted in <see cref="RateQuote.Trace"/> (<c>levy explain</c>); reasons and
    /// assumptions are always given.</summary>
    public bool Trace { get; init; }

    /// <summary>How authorities combine: as the law says (default), or simply added up for comparison.</summary>
    public StackingMode Stacking { get; init; } = StackingMode.Legal;
}

/// <summary>Metal content of an article as shares of its customs value (0–1). Null means unknown (use the default).</summary>
/// <param name="Steel">Share of the value that is steel.</param>
/// <param name="Aluminum">Share of the value that is aluminum.</param>
/// <param name="Copper">Share of the value that is copper.</param>
public readonly record struct MetalContent(decimal? Steel = null, decimal? Aluminum = null, decimal? Copper = null);

/// <summary>How goods arrived in the United States.</summary>
public enum TransportMode
{
    /// <summary>By sea (subject to the Harbor Maintenance Fee at listed ports).</summary>
    Vessel,

    /// <summary>By air.</summary>
    Air,

    /// <summary>By truck.</summary>
    Truck,

    /// <summary>By rail.</summary>
    Rail,

    /// <summary>By mail or express consignment.</summary>
    Mail,

    /// <summary>Other (pipeline, hand-carried…).</summary>
    Other,
}

/// <summary>How the duties of several authorities are combined.</summary>
public enum StackingMode
{
    /// <summary>As the law says: exclusions between authorities, floors, content shares (see StackingRules).</summary>
    Legal,

    /// <summary>Every applicable measure added on the full value, ignoring the non-stacking rules; for comparison only.</summary>
    Additive,
}
