using System.Text;
using CsCheck;
using Levy.Core.Inputs;
using Levy.Data.Batch;
using Levy.Data.Rulebook;

namespace Levy.HostileInputs.Tests.Support;

/// <summary>Generators of hostile batch inputs, and a batch run in memory with the stand-in engine as the CLI runs one
/// (bytes decoded by a <see cref="StreamReader"/> that detects byte-order marks).</summary>
internal static class HostileBatch
{
    internal const string Header = "id,hts10,origin,value,quantity1,unit1,entry_date,mode,steel_share,note";

    internal static readonly Core.Calculation.Entries.FeeSchedule Fees = FeeScheduleReader.Read(RulebookFiles.Embedded);

    /// <summary>Any characters at all: controls, surrogates (lone ones too), separators, quotes, line breaks.</summary>
    internal static readonly Gen<string> Anything = Gen.Char.Array[0, 12].Select(c => new string(c));

    /// <summary>Text without the characters that shape CSV.</summary>
    internal static readonly Gen<string> Plain = Anything.Select(s => new string([.. s.Where(c => c is not (',' or '"' or '\r' or '\n'))]));

    /// <summary>Numbers as people and programs write them, and the ones that broke Levy: beyond decimal, beyond the bound,
    /// signs, exponents, other digits.</summary>
    internal static readonly Gen<string> Number = Gen.OneOf<string>("40000", "40,000.00", "$40,000", "4E+04", "1e25", "5e24", "9e28", "1e400",
        "-1", "(5)", "NaN", "∞", "1,000,000,000,000.01", "1000000000000", "0x10", "٤٠٠٠٠", "1e-400", "79228162514264337593543950335",
        "79228162514264337593543950336", "0", "0.5", "50%", "", " ");

    private static readonly Gen<string> Code = Gen.OneOf<string>("8703.23.01.90", "0402.99.90.00", "8471300100", "7326.90.86.88", "9999.99.99.99",
        "8703", "87032301901", "");

    private static readonly Gen<string> Origin = Gen.OneOf<string>("JP", "CN", "AR", "DE", "EU", "XX", "jp", "");

    private static readonly Gen<string> Date = Gen.OneOf<string>("2025-04-20", "2025-09-20", "2026-10-01", "2027-01-01", "2024-12-31", "20/04/2025", "");

    private static readonly Gen<string> Unit = Gen.OneOf<string>("kg", "g", "t", "No.", "", "furlongs");

    /// <summary>One field as a CSV file may hold it: plain, quoted (anything inside), or with an inch mark inside an unquoted
    /// field (<c>12" pipe</c>), which must not open a quote.</summary>
    private static Gen<string> Written(Gen<string> value) => Gen.Frequency(
        (3, value.Select(v => v.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? Quote(v) : v)),
        (2, Gen.Select(value, Anything, (v, a) => Quote(v + a))),
        (1, Gen.Select(Plain, Plain, (a, b) => "x" + a + "\"" + b)));

    /// <summary>A row's fields after its id (in <see cref="Header"/> order).</summary>
    private static readonly Gen<string[]> Fields = Gen.Select(
        Written(Gen.OneOf(Code, Anything)), Written(Gen.OneOf(Origin, Anything)), Written(Gen.OneOf(Number, Anything)),
        Written(Number), Written(Unit), Written(Gen.OneOf(Date, Anything)), Written(Anything), Written(Number), Written(Anything),
        (a, b, c, d, e, f, g, h, i) => new[] { a, b, c, d, e, f, g, h, i });

    /// <summary>A whole CSV input: header, N rows with ids r0…, mixed line endings, maybe a row longer than the bound, maybe a
    /// final row whose quote never closes; and how many rows it holds.</summary>
    internal static readonly Gen<(string Text, int Rows)> CsvText =
        Gen.Select(Fields.Array[0, 25], Gen.OneOf<string>("\n", "\r\n", "\r").Array[26], Gen.Int[0, 30], Gen.Bool)
            .Select((rows, endings, longAt, unterminated) =>
            {
                var text = new StringBuilder(Header).Append(endings[0]);
                int n = rows.Length;
                for (int i = 0; i < n; i++)
                {
                    text.Append('r').Append(i).Append(',').AppendJoin(',', rows[i]);
                    if (i == longAt)
                    {
                        text.Append(new string('x', InputBounds.MaxBatchRowChars + 10));
                    }

                    text.Append(endings[i + 1]);
                }

                if (unterminated)
                {
                    // The quote never closes: that row is an error, and the line after it a row of its own.
                    text.Append('r').Append(n).Append(",\"8703.23.01.90,JP,40000").Append(endings[^1]).Append('r').Append(n + 1).Append(",and more\n");
                    n += 2;
                }

                return (text.ToString(), n);
            });

    /// <summary>How text becomes bytes: the encodings files arrive in.</summary>
    internal static readonly Gen<Encoding> Encodings = Gen.OneOf<Encoding>(new UTF8Encoding(false), new UTF8Encoding(true), Encoding.Unicode,
        Encoding.BigEndianUnicode, Encoding.Latin1);

    /// <summary>Bytes as a file holds them (with the encoding's byte-order mark).</summary>
    internal static byte[] Bytes(string text, Encoding encoding) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];

    /// <summary>Runs a batch over bytes as <c>levy duty --file</c> does, with the stand-in engine.</summary>
    internal static (List<OutputRow> Rows, BatchSummary Summary) Run(byte[] bytes, bool jsonLines)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        IEnumerable<InputRow> rows = jsonLines ? DutyInputReader.ReadJsonLines(reader, "lines.jsonl", false) : DutyInputReader.ReadCsv(reader, "lines.csv", false);
        var output = new Collected();
        BatchSummary summary = new DutyBatch(FakeEngine.Quote, Fees).Run(rows, output);
        return (output.Rows, summary);
    }

    internal static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class Collected : IDutyOutput
    {
        public List<OutputRow> Rows { get; } = [];

        public void Write(OutputRow row) => Rows.Add(row);

        public void Dispose()
        {
        }
    }
}
