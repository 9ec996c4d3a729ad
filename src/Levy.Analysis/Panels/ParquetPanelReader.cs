using Levy.Core.Panels;
using Levy.Core.Primitives;
using Parquet;
using Parquet.Schema;

namespace Levy.Analysis.Panels;

/// <summary>Reads a panel file written by <see cref="ParquetPanelWriter"/> back into rows.</summary>
/// <remarks>Thread-safe (no state); each call opens the file.</remarks>
public static class ParquetPanelReader
{
    /// <summary>The key-value metadata of a panel file (what was built, with which rulebook).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file is not a Parquet file.</exception>
    public static async Task<IReadOnlyDictionary<string, string>> MetadataAsync(string path)
    {
        await using ParquetReader reader = await OpenAsync(path);
        return reader.CustomMetadata.ToDictionary();
    }

    /// <summary>Reads the rows of a panel file and hands them to a sink, one product at a time.</summary>
    /// <param name="path">The file.</param>
    /// <param name="sink">Receives the rows.</param>
    /// <param name="countries">The countries to keep, or null for all.</param>
    /// <returns>The rows read (kept).</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file is not a panel file (a column is missing).</exception>
    public static async Task<long> ReadAsync(string path, IPanelSink sink, IReadOnlySet<CountryCode>? countries = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        await using ParquetReader reader = await OpenAsync(path);
        DataField[] fields = reader.Schema.GetDataFields();
        DataField Field(string name) => fields.FirstOrDefault(f => f.Name == name)
            ?? throw new IOException($"{path} is not a Levy panel file: it has no column \"{name}\".");

        DataField hts = Field(PanelColumns.Hts10), country = Field(PanelColumns.Country), from = Field(PanelColumns.ValidFrom),
            until = Field(PanelColumns.ValidUntil), needs = Field(PanelColumns.NeedsValue);
        DataField? estimated = fields.FirstOrDefault(f => f.Name == PanelColumns.AveEstimated); // absent from files built before it
        DataField[] components = [.. PanelColumns.Authorities.Select(Field)];
        var rows = new List<PanelInterval>(4096);
        long kept = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using ParquetRowGroupReader group = reader.OpenRowGroupReader(g);
            int n = checked((int)group.RowCount);
            string?[] codes = new string?[n], isos = new string?[n];
            var firsts = new DateOnly[n];
            var lasts = new DateOnly[n];
            var flags = new bool[n];
            var estimates = new bool[n];
            double[][] values = [.. components.Select(_ => new double[n])];
            await group.ReadAsync(hts, codes.AsMemory());
            await group.ReadAsync(country, isos.AsMemory());
            await group.ReadAsync<DateOnly>(from, firsts.AsMemory());
            await group.ReadAsync<DateOnly>(until, lasts.AsMemory());
            await group.ReadAsync<bool>(needs, flags.AsMemory());
            if (estimated is not null)
            {
                await group.ReadAsync<bool>(estimated, estimates.AsMemory());
            }
            for (int a = 0; a < components.Length; a++)
            {
                await group.ReadAsync<double>(components[a], values[a].AsMemory());
            }

            HtsCode product = default;
            string? lastCode = null;
            for (int i = 0; i < n; i++)
            {
                if (!ReferenceEquals(codes[i], lastCode) && codes[i] != lastCode)
                {
                    Flush();
                    lastCode = codes[i];
                    product = HtsCode.Parse(lastCode!);
                }

                CountryCode origin = CountryCode.Parse(isos[i]!);
                if (countries is not null && !countries.Contains(origin))
                {
                    continue;
                }

                var v = new PanelValues((decimal)values[0][i], (decimal)values[1][i], (decimal)values[2][i], (decimal)values[3][i],
                    (decimal)values[4][i], (decimal)values[5][i], (decimal)values[6][i], (decimal)values[7][i], flags[i], estimates[i]);
                rows.Add(new PanelInterval(product, origin, firsts[i], lasts[i], v));
            }
        }

        Flush(); // a product's rows may span two row groups: they are handed over together

        return kept;

        void Flush()
        {
            if (rows.Count > 0)
            {
                sink.Write(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows));
                kept += rows.Count;
                rows.Clear();
            }
        }
    }

    private static Task<ParquetReader> OpenAsync(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Panel file not found: {path}. Build one with `levy panel build`.", path);
        }

        return ParquetReader.CreateAsync(path, new ParquetOptions { UseDateOnlyTypeForDates = true });
    }
}
