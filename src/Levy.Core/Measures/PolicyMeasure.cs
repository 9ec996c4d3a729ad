using System.Collections.Immutable;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Core.Measures;

/// <summary>What a measure does to the duty.</summary>
public enum MeasureKind
{
    /// <summary>Adds a duty: "+ 25%" (possibly on a share of the value).</summary>
    Additional,

    /// <summary>Sets an all-in rate: the ordinary duty plus the measure equals the floor ("15%" lines).</summary>
    Floor,

    /// <summary>Exempts: its heading is declared and the other measures of its slot do not apply.</summary>
    Exemption,
}

/// <summary>One period a measure is in force, with the legal source for it.</summary>
/// <param name="Period">The dates of entry covered, <c>[Start, End)</c>.</param>
/// <param name="Source">The instrument, Federal Register cite and effective date.</param>
public sealed record MeasurePeriod(EffectivePeriod Period, string Source);

/// <summary>Goods loaded before <see cref="LoadedBefore"/> and entered before <see cref="EnteredBefore"/> are not subject to
/// the measure (the "in transit" exceptions).</summary>
/// <param name="LoadedBefore">The loading cut-off.</param>
/// <param name="EnteredBefore">The entry cut-off, or null when the text sets none.</param>
/// <param name="Heading">The heading declared for goods in transit, if any.</param>
public sealed record InTransitException(DateOnly LoadedBefore, DateOnly? EnteredBefore, HtsCode? Heading);

/// <summary>A policy measure: a Chapter 99 heading with the periods it is in force, the products and countries it covers,
/// the conditions it needs, and its legal source. It does not decide how it stacks; slots and StackingRules do.</summary>
/// <remarks>
/// <para>The rate is read from the heading's text in the revision of the HTS that governs the entry date (General column;
/// Special when a program is claimed; column 2 for column-2 countries), unless <see cref="RateOverride"/> says otherwise
/// with its reason.</para>
/// <para>Measures compete within a <see cref="Slot"/>: of those that cover a line, the one with the highest
/// <see cref="Priority"/> applies (an exemption with a high priority therefore switches the slot off).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record PolicyMeasure
{
    /// <summary>The rulebook id, unique (<c>s232-autos</c>; family members add their heading).</summary>
    public required string Id { get; init; }

    /// <summary>The legal authority.</summary>
    public required Authority Authority { get; init; }

    /// <summary>The program within the authority (<c>autos</c>, <c>steel</c>, <c>Phase 2</c>…).</summary>
    public required string Program { get; init; }

    /// <summary>The slot the measure competes in (<c>s232</c>, <c>reciprocal</c>, <c>s122</c>…).</summary>
    public required string Slot { get; init; }

    /// <summary>Higher wins within the slot.</summary>
    public int Priority { get; init; }

    /// <summary>The Chapter 99 heading declared.</summary>
    public required HtsCode Heading { get; init; }

    /// <summary>For floor lines: the twin passthrough heading declared when the ordinary duty already meets the floor.</summary>
    public HtsCode? TwinHeading { get; init; }

    /// <summary>The kind, when the rulebook fixes it; null to read it from the heading text.</summary>
    public MeasureKind? Kind { get; init; }

    /// <summary>When the measure is in force.</summary>
    public required ImmutableArray<MeasurePeriod> Periods { get; init; }

    /// <summary>The countries covered, or null when they are read from the heading's description.</summary>
    public CountrySet? Countries { get; init; }

    /// <summary>Countries never covered, even when the heading names them.</summary>
    public CountrySet? ExcludedCountries { get; init; }

    /// <summary>The products covered, or null for every product.</summary>
    public ProductSet? Products { get; init; }

    /// <summary>When the product list gives a heading per entry, only entries with this heading count.</summary>
    public HtsCode? ProductListHeading { get; init; }

    /// <summary>Further product lists covered besides <see cref="Products"/>.</summary>
    public ImmutableArray<ProductSet> AlsoProducts { get; init; } = ImmutableArray<ProductSet>.Empty;

    /// <summary>True when the measure covers the products whose footnotes name its heading (e.g. the Russia column 2 increases).</summary>
    public bool FootnoteLinked { get; init; }

    /// <summary>The rate column of the heading to read regardless of claims (e.g. column 2 for the Russia increases).</summary>
    public RateColumn? RateColumn { get; init; }

    /// <summary>A slot that must have applied a duty for this measure to count, and optionally the programs of that slot's
    /// winner that qualify (e.g. the Canada/Mexico exemption for Section 232 vehicles).</summary>
    public SlotCondition? WhenSlotApplies { get; init; }

    /// <summary>For exemptions of goods subject to Section 232: when the 232 duty is charged on the metal content, the
    /// exemption covers only that share of the value and the slot's duty applies to the rest.</summary>
    public bool PartialByContent { get; init; }

    /// <summary>Products never covered.</summary>
    public ProductSet? ExcludedProducts { get; init; }

    /// <summary>A rate set by the rulebook instead of the heading's text, in percent, with its reason.</summary>
    public (decimal Percent, string Reason)? RateOverride { get; init; }

    /// <summary>The value the heading's duty is charged on, set by the rulebook when the heading's own text does not say it
    /// and the U.S. note does (e.g. 9903.81.98 on the steel content), with the reason; null to read it from the text.</summary>
    public (DutyBasis Basis, string Reason)? BasisOverride { get; init; }

    /// <summary>A claimed program the measure needs (e.g. <c>S</c> for the USMCA exemptions), or null.</summary>
    public string? RequiresProgram { get; init; }

    /// <summary>A claimed program that switches the measure off (e.g. USMCA goods escape the precedence rule that needs the
    /// IEEPA duty to apply), or null.</summary>
    public string? UnlessProgram { get; init; }

    /// <summary>A condition the importer must certify (e.g. <c>us-melted-steel</c>), or null.</summary>
    public string? RequiresCondition { get; init; }

    /// <summary>A condition that, when the importer certifies it, switches the measure off (e.g. a semiconductor article below
    /// the performance thresholds of U.S. note 39(b) is not subject to 9903.79.01), or null.</summary>
    public string? UnlessCondition { get; init; }

    /// <summary>The in-transit exception, if the heading has one.</summary>
    public InTransitException? InTransit { get; init; }

    /// <summary>The legal source of the measure as a whole.</summary>
    public required string Citation { get; init; }

    /// <summary>Modelling notes (what is simplified and why).</summary>
    public string? Notes { get; init; }

    /// <summary>The period in force on <paramref name="date"/>, or null.</summary>
    public MeasurePeriod? PeriodOn(DateOnly date)
    {
        foreach (MeasurePeriod p in Periods)
        {
            if (p.Period.Contains(date))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>The id and heading.</summary>
    public override string ToString() => $"{Id} ({Heading})";
}

/// <summary>A condition on the outcome of an earlier slot.</summary>
/// <param name="Slot">The slot that must have applied a duty.</param>
/// <param name="Programs">The programs of its winner that qualify; empty for any.</param>
public sealed record SlotCondition(string Slot, ImmutableArray<string> Programs)
{
    /// <inheritdoc/>
    public bool Equals(SlotCondition? other) => other is not null && Slot == other.Slot && Programs.SequenceEqual(other.Programs);

    /// <inheritdoc/>
    public override int GetHashCode() => Slot.GetHashCode(StringComparison.Ordinal);
}
