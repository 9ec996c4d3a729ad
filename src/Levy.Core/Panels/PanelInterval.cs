using Levy.Core.Primitives;

namespace Levy.Core.Panels;

/// <summary>One row of a panel: the duties on a product from a country, unchanged from <see cref="ValidFrom"/> to
/// <see cref="ValidUntil"/>, both included.</summary>
/// <remarks>An immutable value. Consecutive days with equal <see cref="Values"/> are one interval; a gap between two
/// intervals of the same product and country means the code was not printed in the revisions governing those days.</remarks>
/// <param name="Product">The HTS code (10 digits, or 8 for a tariff line printed without statistical suffixes).</param>
/// <param name="Country">The country of origin.</param>
/// <param name="ValidFrom">The first day.</param>
/// <param name="ValidUntil">The last day (inclusive).</param>
/// <param name="Values">The duties.</param>
public readonly record struct PanelInterval(HtsCode Product, CountryCode Country, DateOnly ValidFrom, DateOnly ValidUntil, PanelValues Values)
{
    /// <summary>The number of days covered.</summary>
    public int Days => ValidUntil.DayNumber - ValidFrom.DayNumber + 1;
}

/// <summary>Receives the rows of a panel as they are built.</summary>
/// <remarks><see cref="Write"/> is called from one thread at a time, once per product, in code order; the rows of a product
/// come sorted by country (in the order of the request) and date. A sink must not keep the span.</remarks>
public interface IPanelSink
{
    /// <summary>Takes the rows of one product.</summary>
    /// <param name="rows">The rows, sorted by country and date.</param>
    void Write(ReadOnlySpan<PanelInterval> rows);
}

/// <summary>Hands every row to several sinks in turn (e.g. a Parquet file and a CSV file, or a series and per-product means).</summary>
/// <param name="sinks">The sinks.</param>
public sealed class TeeSink(params IPanelSink[] sinks) : IPanelSink
{
    /// <inheritdoc/>
    public void Write(ReadOnlySpan<PanelInterval> rows)
    {
        foreach (IPanelSink sink in sinks)
        {
            sink.Write(rows);
        }
    }
}
