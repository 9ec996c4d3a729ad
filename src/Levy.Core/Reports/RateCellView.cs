using Levy.Core.Schedule;

namespace Levy.Core.Reports;

/// <summary>A rate column of a line as printed and as read.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Printed">The text as printed.</param>
/// <param name="Meaning">A short reading for people (<see cref="RateView.Describe"/>).</param>
/// <param name="Parsed">The structured rate.</param>
public sealed record RateCellView(string Printed, string Meaning, RateView Parsed)
{
    /// <summary>The view of a cell, or null for a blank one.</summary>
    /// <param name="cell">The cell, or null.</param>
    public static RateCellView? From(RateCell? cell) =>
        cell is null ? null : new RateCellView(cell.Text, RateView.Describe(cell.Rate), RateView.From(cell.Rate));
}
