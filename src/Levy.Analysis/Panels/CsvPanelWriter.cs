using System.Globalization;
using System.Text;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Panels;
using Levy.Core.Primitives;

namespace Levy.Analysis.Panels;

/// <summary>Writes panel rows as CSV with the columns of <see cref="PanelColumns"/> (header first; dates ISO; rates as
/// fractions with up to 10 decimals; <c>true</c>/<c>false</c>).</summary>
/// <remarks>Not thread-safe (a panel build calls its sink from one thread).</remarks>
public sealed class CsvPanelWriter : IPanelSink, IDisposable
{
    private readonly TextWriter _writer;
    private readonly PanelTextCache _text;

    /// <summary>Creates the file (replacing it) and writes the header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="countries">Resolves Census codes.</param>
    public CsvPanelWriter(string path, CountryDirectory countries)
        : this(new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20), countries)
    {
    }

    /// <summary>Writes to a text writer (which the writer then owns).</summary>
    public CsvPanelWriter(TextWriter writer, CountryDirectory countries)
    {
        _writer = writer;
        _writer.NewLine = "\n";
        _text = new PanelTextCache(countries);
        _writer.WriteLine(string.Join(',', PanelColumns.All.Select(c => c.Name)));
    }

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<PanelInterval> rows)
    {
        Span<char> buffer = stackalloc char[32];
        foreach (ref readonly PanelInterval row in rows)
        {
            _writer.Write(_text.Code(row.Product));
            _writer.Write(',');
            _writer.Write(_text.Iso(row.Country));
            _writer.Write(',');
            _writer.Write(_text.Census(row.Country));
            _writer.Write(',');
            Date(row.ValidFrom, buffer);
            _writer.Write(',');
            Date(row.ValidUntil, buffer);
            PanelValues v = row.Values;
            for (int a = 0; a < PanelValues.AuthorityCount; a++)
            {
                _writer.Write(',');
                Rate(v[(Authority)a], buffer);
            }

            _writer.Write(',');
            Rate(v.Total, buffer);
            _writer.Write(v.NeedsValue ? ",true" : ",false");
            _writer.Write(v.AveEstimated ? ",true\n" : ",false\n");
            Rows++;
        }
    }

    /// <summary>Flushes and closes the file.</summary>
    public void Dispose() => _writer.Dispose();

    private void Date(DateOnly date, Span<char> buffer)
    {
        date.TryFormat(buffer, out int n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _writer.Write(buffer[..n]);
    }

    private void Rate(decimal value, Span<char> buffer)
    {
        if (value == 0m)
        {
            _writer.Write('0');
            return;
        }

        Math.Round(value, 10).TryFormat(buffer, out int n, "0.##########", CultureInfo.InvariantCulture);
        _writer.Write(buffer[..n]);
    }
}
