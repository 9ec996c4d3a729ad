using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Schedule;

/// <summary>One printed row of the schedule, as published: a heading, subheading, tariff line, statistical line or a
/// text-only row that structures the outline.</summary>
/// <remarks>
/// <para>A line holds only what is printed on its own row. What it inherits (the description path, a 10-digit line's
/// rates from its 8-digit parent) is resolved by <see cref="TariffSchedule"/>, which knows the outline.
/// Identical rows of different revisions share one instance.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record HtsLine
{
    /// <summary>The code, or <see cref="HtsCode.IsEmpty"/> for a text-only row.</summary>
    public required HtsCode Code { get; init; }

    /// <summary>Depth in the outline (0–9); the parent is the nearest earlier row with a smaller indent.</summary>
    public required int Indent { get; init; }

    /// <summary>The text of the row, markup removed.</summary>
    public required string Description { get; init; }

    /// <summary>Reporting units of quantity; the first is the primary unit.</summary>
    public required ImmutableArray<UnitOfMeasure> Units { get; init; }

    /// <summary>Column 1 General (MFN), or null when blank (inherited).</summary>
    public RateCell? General { get; init; }

    /// <summary>Column 1 Special (preferential programs), or null when blank.</summary>
    public RateCell? Special { get; init; }

    /// <summary>Column 2, or null when blank.</summary>
    public RateCell? Other { get; init; }

    /// <summary>Footnotes printed on this row.</summary>
    public required ImmutableArray<Footnote> Footnotes { get; init; }

    /// <summary>True for a row that heads a group (USITC <c>superior</c>).</summary>
    public bool IsSuperior { get; init; }

    /// <summary>Quota quantity text, when printed.</summary>
    public string? QuotaQuantity { get; init; }

    /// <summary>Additional-duties text, when printed.</summary>
    public string? AdditionalDuties { get; init; }

    /// <inheritdoc/>
    public bool Equals(HtsLine? other) =>
        other is not null && Code == other.Code && Indent == other.Indent && Description == other.Description
        && Units.SequenceEqual(other.Units) && Equals(General, other.General) && Equals(Special, other.Special)
        && Equals(Other, other.Other) && Footnotes.SequenceEqual(other.Footnotes) && IsSuperior == other.IsSuperior
        && QuotaQuantity == other.QuotaQuantity && AdditionalDuties == other.AdditionalDuties;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Indent, Description, General, Special, Other, Footnotes.Length);

    /// <summary><c>8703.23.01 Of a cylinder capacity…</c>.</summary>
    public override string ToString() => Code.IsEmpty ? Description : $"{Code} {Description}";
}
