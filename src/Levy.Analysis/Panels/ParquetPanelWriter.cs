using Levy.Core.Countries;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Parquet;
using Parquet.Schema;

namespace Levy.Analysis.Panels;

/// <summary>Writes panel rows to a Parquet file with typed columns (<see cref="PanelColumns"/>), in row groups.</summary>
/// <remarks>Rows are buffered column by column and written every <see cref="RowGroupSize"/> rows; the file is complete once
/// the writer is disposed. Not thread-safe (a panel build calls its sink from one thread).</remarks>
public sealed class ParquetPanelWriter : IPanelSink, IDisposable
{
    /// <summary>Rows per row group: large enough for DuckDB to scan in parallel, small enough to buffer.</summary>
    public const int RowGroupSize = 1 << 19;

    private static readonly ParquetSchema Schema = new(PanelColumns.All.Select(Field).ToArray());
    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly PanelTextCache _text;
    private ColumnBuffer _filling = new();
    private ColumnBuffer _spare = new();
    private Task _flushing = Task.CompletedTask;

    /// <summary>Creates the file (replacing it) and writes its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="countries">Resolves Census codes.</param>
    /// <param name="metadata">Key-value metadata stored in the file footer (what was built, with which rulebook).</param>
    public ParquetPanelWriter(string path, CountryDirectory countries, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _text = new PanelTextCache(countries);
        _stream = File.Create(path);

        // Zstd at its fastest level: a tenth of the time of the default level for files a few percent larger (docs/panel.md).
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Zstd, CompressionLevel = System.IO.Compression.CompressionLevel.Fastest };
        _writer = ParquetWriter.CreateAsync(Schema, _stream, options).GetAwaiter().GetResult();
        _writer.CustomMetadata = metadata.ToDictionary();
    }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<PanelInterval> rows)
    {
        foreach (ref readonly PanelInterval row in rows)
        {
            ColumnBuffer b = _filling;
            int i = b.Count;
            b.Hts[i] = _text.Code(row.Product);
            b.Country[i] = _text.Iso(row.Country);
            b.Census[i] = _text.Census(row.Country);
            b.From[i] = row.ValidFrom;
            b.Until[i] = row.ValidUntil;
            PanelValues v = row.Values;
            for (int a = 0; a < PanelValues.AuthorityCount; a++)
            {
                b.Components[a][i] = (double)v[(Levy.Core.Primitives.Authority)a];
            }

            b.Total[i] = (double)v.Total;
            b.NeedsValue[i] = v.NeedsValue;
            b.AveEstimated[i] = v.AveEstimated;
            if (++b.Count == RowGroupSize)
            {
                StartFlush();
            }
        }
    }

    /// <summary>Writes the last row group and the footer, and closes the file.</summary>
    public void Dispose()
    {
        StartFlush();
        _flushing.GetAwaiter().GetResult();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }

    /// <summary>Hands the full buffer to a background flush (one at a time) and goes on filling the other: encoding and
    /// compressing a row group overlaps with building the next.</summary>
    private void StartFlush()
    {
        _flushing.GetAwaiter().GetResult();
        if (_filling.Count == 0)
        {
            return;
        }

        ColumnBuffer full = _filling;
        (_filling, _spare) = (_spare, full);
        _filling.Count = 0;
        Rows += full.Count;
        _flushing = Task.Run(() => FlushAsync(full));
    }

    private async Task FlushAsync(ColumnBuffer b)
    {
        DataField[] fields = Schema.GetDataFields();
        int n = b.Count;
        using ParquetRowGroupWriter group = _writer.CreateRowGroup();
        int f = 0;
        await group.WriteAsync(fields[f++], new ArraySegment<string?>(b.Hts, 0, n));
        await group.WriteAsync(fields[f++], new ArraySegment<string?>(b.Country, 0, n));
        await group.WriteAsync(fields[f++], new ArraySegment<string?>(b.Census, 0, n));
        await group.WriteAsync<DateOnly>(fields[f++], b.From.AsMemory(0, n));
        await group.WriteAsync<DateOnly>(fields[f++], b.Until.AsMemory(0, n));
        foreach (double[] component in b.Components)
        {
            await group.WriteAsync<double>(fields[f++], component.AsMemory(0, n));
        }

        await group.WriteAsync<double>(fields[f++], b.Total.AsMemory(0, n));
        await group.WriteAsync<bool>(fields[f++], b.NeedsValue.AsMemory(0, n));
        await group.WriteAsync<bool>(fields[f], b.AveEstimated.AsMemory(0, n));
    }

    /// <summary>One row group's columns.</summary>
    private sealed class ColumnBuffer
    {
        internal readonly string?[] Hts = new string?[RowGroupSize];
        internal readonly string?[] Country = new string?[RowGroupSize];
        internal readonly string?[] Census = new string?[RowGroupSize];
        internal readonly DateOnly[] From = new DateOnly[RowGroupSize];
        internal readonly DateOnly[] Until = new DateOnly[RowGroupSize];
        internal readonly double[][] Components = [.. PanelColumns.Authorities.Select(_ => new double[RowGroupSize])];
        internal readonly double[] Total = new double[RowGroupSize];
        internal readonly bool[] NeedsValue = new bool[RowGroupSize];
        internal readonly bool[] AveEstimated = new bool[RowGroupSize];
        internal int Count;
    }

    private static DataField Field(PanelColumn c) => c.Type switch
    {
        "VARCHAR" => new DataField<string>(c.Name, false),
        "DATE" => new DataField<DateOnly>(c.Name),
        "DOUBLE" => new DataField<double>(c.Name),
        "BOOLEAN" => new DataField<bool>(c.Name),
        _ => throw new InvalidOperationException($"No Parquet type for {c.Type}."),
    };
}

/// <summary>The texts of codes, made once per product and country rather than once per row.</summary>
internal sealed class PanelTextCache(CountryDirectory countries)
{
    private readonly Dictionary<CountryCode, (string Iso, string Census)> _countries = [];
    private HtsCode _lastCode;
    private string _lastDigits = string.Empty;

    internal string Code(HtsCode code)
    {
        if (code != _lastCode)
        {
            (_lastCode, _lastDigits) = (code, code.Digits);
        }

        return _lastDigits;
    }

    internal string Iso(CountryCode country) => Texts(country).Iso;

    internal string Census(CountryCode country) => Texts(country).Census;

    private (string Iso, string Census) Texts(CountryCode country)
    {
        if (!_countries.TryGetValue(country, out var texts))
        {
            texts = (country.Value, countries.FindByIso(country)?.CensusCode ?? string.Empty);
            _countries[country] = texts;
        }

        return texts;
    }
}
