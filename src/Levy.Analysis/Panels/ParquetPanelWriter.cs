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
    private readonly string?[] _hts = new string?[RowGroupSize];
    private readonly string?[] _country = new string?[RowGroupSize];
    private readonly string?[] _census = new string?[RowGroupSize];
    private readonly DateOnly[] _from = new DateOnly[RowGroupSize];
    private readonly DateOnly[] _until = new DateOnly[RowGroupSize];
    private readonly double[][] _components = [.. PanelColumns.Authorities.Select(_ => new double[RowGroupSize])];
    private readonly double[] _total = new double[RowGroupSize];
    private readonly bool[] _needsValue = new bool[RowGroupSize];
    private int _count;

    /// <summary>Creates the file (replacing it) and writes its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="countries">Resolves Census codes.</param>
    /// <param name="metadata">Key-value metadata stored in the file footer (what was built, with which rulebook).</param>
    public ParquetPanelWriter(string path, CountryDirectory countries, IReadOnlyDictionary<string, string> metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        _text = new PanelTextCache(countries);
        _stream = File.Create(path);
        _writer = ParquetWriter.CreateAsync(Schema, _stream, new ParquetOptions { CompressionMethod = CompressionMethod.Zstd }).GetAwaiter().GetResult();
        _writer.CustomMetadata = metadata.ToDictionary();
    }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<PanelInterval> rows)
    {
        foreach (ref readonly PanelInterval row in rows)
        {
            _hts[_count] = _text.Code(row.Product);
            _country[_count] = _text.Iso(row.Country);
            _census[_count] = _text.Census(row.Country);
            _from[_count] = row.ValidFrom;
            _until[_count] = row.ValidUntil;
            PanelValues v = row.Values;
            for (int a = 0; a < PanelValues.AuthorityCount; a++)
            {
                _components[a][_count] = (double)v[(Levy.Core.Calculation.Authority)a];
            }

            _total[_count] = (double)v.Total;
            _needsValue[_count] = v.NeedsValue;
            if (++_count == RowGroupSize)
            {
                Flush();
            }
        }
    }

    /// <summary>Writes the last row group and the footer, and closes the file.</summary>
    public void Dispose()
    {
        Flush();
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }

    private void Flush()
    {
        if (_count == 0)
        {
            return;
        }

        DataField[] fields = Schema.GetDataFields();
        using (ParquetRowGroupWriter group = _writer.CreateRowGroup())
        {
            int f = 0;
            group.WriteAsync(fields[f++], new ArraySegment<string?>(_hts, 0, _count)).GetAwaiter().GetResult();
            group.WriteAsync(fields[f++], new ArraySegment<string?>(_country, 0, _count)).GetAwaiter().GetResult();
            group.WriteAsync(fields[f++], new ArraySegment<string?>(_census, 0, _count)).GetAwaiter().GetResult();
            group.WriteAsync<DateOnly>(fields[f++], _from.AsMemory(0, _count)).GetAwaiter().GetResult();
            group.WriteAsync<DateOnly>(fields[f++], _until.AsMemory(0, _count)).GetAwaiter().GetResult();
            foreach (double[] component in _components)
            {
                group.WriteAsync<double>(fields[f++], component.AsMemory(0, _count)).GetAwaiter().GetResult();
            }

            group.WriteAsync<double>(fields[f++], _total.AsMemory(0, _count)).GetAwaiter().GetResult();
            group.WriteAsync<bool>(fields[f], _needsValue.AsMemory(0, _count)).GetAwaiter().GetResult();
        }

        Rows += _count;
        _count = 0;
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
