using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;

namespace Levy.Data.Batch;

/// <summary>One row of the output: the input row it answers, and either the line's amounts within its entry or the error.</summary>
/// <param name="Input">The input row.</param>
/// <param name="Amounts">The line's duty and fees, or null on error.</param>
/// <param name="Entry">The entry the line belongs to, or null on error.</param>
/// <param name="Error">Why the line could not be computed.</param>
/// <param name="Differences">For <c>--compare</c>: the declared amounts that differ from Levy's, or null when not compared.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record OutputRow(InputRow Input, LineAmounts? Amounts, Entry? Entry, LineError? Error, IReadOnlyList<AmountDifference>? Differences);
