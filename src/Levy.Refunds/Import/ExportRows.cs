using Levy.Core.Inputs;
using Levy.Data.Batch;

namespace Levy.Refunds.Import;

/// <summary>The checks every row of an export passes before its fields are read, shared by the ES-003 and refund report
/// readers so that both say the same about the same damage.</summary>
internal static class ExportRows
{
    /// <summary>The error of a row that cannot be read field by field, or null: a row damaged as a whole (its damage names
    /// the field of the column where it starts), a row with values beyond the header's columns, or a field Levy reads
    /// that holds bytes which are not UTF-8.</summary>
    /// <param name="row">The row.</param>
    /// <param name="header">The header's column names.</param>
    /// <param name="fieldAt">The field a column holds, or null.</param>
    /// <param name="cells">The inputs the reader reads, with their text in this row.</param>
    internal static RowError? Unreadable(SourceRow row, IReadOnlyList<string> header, Func<int, string?> fieldAt,
        IEnumerable<(InputField Input, string? Text)> cells)
    {
        if (row.Damage is { } damage)
        {
            string field = fieldAt(damage.Column)
                ?? (damage.Column >= 0 && damage.Column < header.Count && header[damage.Column].Length > 0 ? header[damage.Column] : RefundMessages.RowField);
            return new RowError(row.Line, field, null, damage.Reason);
        }

        if (row.Cells.Length > header.Count && row.Cells.Skip(header.Count).Any(c => c is not null))
        {
            return new RowError(row.Line, RefundMessages.RowField, null, InputMessages.Format(BatchMessages.TooManyFields, row.Cells.Length, header.Count));
        }

        // Bytes the decoder could not read became U+FFFD: a field Levy reads that holds one is refused, never used as is.
        foreach ((InputField input, string? text) in cells)
        {
            if (text is not null && InputField.HasUndecodedBytes(text))
            {
                return new RowError(row.Line, input.Export!, text, InputMessages.NotUtf8);
            }
        }

        return null;
    }
}
