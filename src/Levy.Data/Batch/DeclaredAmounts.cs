using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Data.Batch;

/// <summary>What a broker's bill declares for a line, read for <c>--compare</c>. A null amount was not given.</summary>
/// <param name="DutyTotal">The total duty of the line.</param>
/// <param name="Mfn">The ordinary (chapter 1–97) duty.</param>
/// <param name="Mpf">The line's MPF.</param>
/// <param name="Hmf">The line's HMF.</param>
/// <param name="Headings">The duty declared per Chapter 99 heading; a heading column left blank declares zero.</param>
/// <param name="HeadingColumnsPresent">True when the input has declared heading columns (then every heading the
/// engine applies is compared, declared or not).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record DeclaredAmounts(Money? DutyTotal, Money? Mfn, Money? Mpf, Money? Hmf,
    ImmutableArray<(HtsCode Heading, Money Amount)> Headings, bool HeadingColumnsPresent);
