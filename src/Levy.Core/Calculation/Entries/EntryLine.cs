using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Entries;

/// <summary>One line of an entry as the importer declares it: the goods, their origin, value and quantities, the dates,
/// how they came, what is claimed, and the entry the line belongs to.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record EntryLine
{
    /// <summary>The caller's own identifier of the line (carried to the output unchanged).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The HTS code of the goods (10 digits, or an 8-digit tariff line).</summary>
    public required HtsCode Product { get; init; }

    /// <summary>The country of origin.</summary>
    public required CountryCode Origin { get; init; }

    /// <summary>The customs value in USD, as declared (rounded to whole dollars only when duty is computed).</summary>
    public required Money Value { get; init; }

    /// <summary>Quantities as declared: quantity 1 first, then quantity 2 where the line has two units. An empty unit
    /// means the HTS reporting unit at that position.</summary>
    public ImmutableArray<Quantity> Quantities { get; init; } = ImmutableArray<Quantity>.Empty;

    /// <summary>The date of entry for consumption.</summary>
    public required DateOnly EntryDate { get; init; }

    /// <summary>The date of loading onto the vessel or final conveyance, for the in-transit exceptions; null when not in transit across a change.</summary>
    public DateOnly? LoadingDate { get; init; }

    /// <summary>How the goods arrived (vessel shipments pay the Harbor Maintenance Fee).</summary>
    public TransportMode? Mode { get; init; }

    /// <summary>The Special Program Indicator claimed (<c>S</c>, <c>KR</c>, <c>AU</c>…), or null.</summary>
    public string? ClaimedProgram { get; init; }

    /// <summary>Metal content as shares of the customs value.</summary>
    public MetalContent Metal { get; init; }

    /// <summary>The share of the customs value that is U.S. content (0–1), or null.</summary>
    public decimal? UsContentShare { get; init; }

    /// <summary>The entry the line belongs to; null for a line that is an entry by itself.</summary>
    public string? EntryId { get; init; }

    /// <summary>The entry type, or null to decide from the entry's value (19 CFR 143.21).</summary>
    public EntryType? EntryType { get; init; }

    /// <summary>Facts the importer certifies (rulebook conditions.yaml), e.g. <c>us-melted-metal</c>.</summary>
    public ImmutableArray<string> Conditions { get; init; } = ImmutableArray<string>.Empty;

    /// <summary>This line with every quantity declared without a unit given the HTS reporting unit at its position
    /// (quantity 1 the first unit, quantity 2 the second); the same instance when there is nothing to fill in.</summary>
    /// <param name="units">The product's reporting units.</param>
    public EntryLine WithHtsUnits(ImmutableArray<UnitOfMeasure> units)
    {
        ImmutableArray<Quantity> resolved = FillUnits(Quantities, units);
        return resolved == Quantities ? this : this with { Quantities = resolved };
    }

    /// <summary>The quantities with each empty unit replaced by the reporting unit at its position (the same array when
    /// none is empty or no unit is known).</summary>
    public static ImmutableArray<Quantity> FillUnits(ImmutableArray<Quantity> quantities, ImmutableArray<UnitOfMeasure> units)
    {
        if (quantities.IsDefaultOrEmpty || units.IsDefaultOrEmpty)
        {
            return quantities;
        }

        Quantity[]? filled = null;
        for (int i = 0; i < quantities.Length; i++)
        {
            if (quantities[i].Unit.IsEmpty && i < units.Length)
            {
                filled ??= [.. quantities];
                filled[i] = quantities[i] with { Unit = units[i] };
            }
        }

        return filled is null ? quantities : [.. filled];
    }

    /// <summary>The question to ask the rate engine for this line.</summary>
    /// <param name="explain">False for the lean quote of batches (same amounts, no reason texts).</param>
    public QuoteRequest ToQuoteRequest(bool explain = true) => new()
    {
        Explain = explain,
        Product = Product,
        Origin = Origin,
        EntryDate = EntryDate,
        LoadingDate = LoadingDate,
        ClaimedProgram = ClaimedProgram,
        Metal = Metal,
        UsContentShare = UsContentShare,
        Mode = Mode,
        CustomsValue = Value.Amount,
        Quantities = Quantities,
        Conditions = Conditions,
    };

    /// <summary>The id, code, origin, value and date.</summary>
    public override string ToString() => $"{Id} {Product} from {Origin}, {Value}, entered {EntryDate:yyyy-MM-dd}";
}
