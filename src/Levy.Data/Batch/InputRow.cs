using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;

namespace Levy.Data.Batch;

/// <summary>One row of a batch input: the line as read, or the reason it could not be read, with its position and id.</summary>
/// <param name="Line">The line number in the input (1-based; for CSV the line the row starts on).</param>
/// <param name="Id">The caller's id (the <c>id</c> column), or the line number when the input has none.</param>
/// <param name="EntryId">The entry the row belongs to, as written (also for rows that could not be read).</param>
/// <param name="EntryLine">The line, or null when the row could not be read.</param>
/// <param name="Error">Why the row could not be read.</param>
/// <param name="Declared">The amounts declared for <c>--compare</c>, or null.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed record InputRow(long Line, string Id, string? EntryId, EntryLine? EntryLine, LineError? Error, DeclaredAmounts? Declared);
