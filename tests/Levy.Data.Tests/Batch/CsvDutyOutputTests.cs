using System.Text.Json;
using CsCheck;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation;
using Levy.Data.Batch;

namespace Levy.Data.Tests.Batch;

/// <summary>The hand-written row writers: whatever the free-text columns hold (separators, quotes, line breaks, unicode),
/// a CSV row reads back with Sep to the same values, quoted exactly where RFC 4180 needs it, and a JSON line parses back
/// to the same strings.</summary>
public class CsvDutyOutputTests
{
    private static readonly string[] Tricky = [",", "\"", "\r", "\n", "\r\n", " ", ";", "=", "'", "\t", "é", "漢", "😀", "\u2028", "a", "1", "$"];

    // Text made of the characters that need care, and (for CSV, where any UTF-16 string must survive) anything at all.
    private static readonly Gen<string> CarefulText = Gen.OneOf<string>(Tricky).Array[0, 12].Select(string.Concat);
    private static readonly Gen<string> AnyText = Gen.OneOf(CarefulText, Gen.String);

    [Fact]
    public void ErrorRows_AnyText_ReadBackWithSepToTheSameValues()
    {
        Gen.Select(Gen.Select(AnyText, Gen.OneOf(AnyText.Select(s => (string?)s), Gen.Const((string?)null)), AnyText, AnyText).Array[1, 20], Gen.Bool).Sample((rows, compare) =>
        {
            var written = new StringWriter();
            using (var csv = new CsvDutyOutput(written, compare))
            {
                for (int i = 0; i < rows.Length; i++)
                {
                    (string id, string? entryId, string field, string reason) = rows[i];
                    csv.Write(new OutputRow(new InputRow(i + 1, id, entryId, null, null, null), null, null, new LineError(field, reason), null));
                }
            }

            List<Dictionary<string, string>> back = BatchRunner.ReadBack(written.ToString());

            Assert.Equal(rows.Length, back.Count);
            for (int i = 0; i < rows.Length; i++)
            {
                (string id, string? entryId, string field, string reason) = rows[i];
                Assert.Equal([id, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), entryId ?? "", "error", field, reason],
                    [back[i]["id"], back[i]["line"], back[i]["entry_id"], back[i]["status"], back[i]["error_field"], back[i]["error_reason"]]);
                Assert.All(back[i].Skip(6), column => Assert.Equal("", column.Value));
                Assert.Equal(compare ? 28 : 26, back[i].Count);
            }
        }, iter: 300);
    }

    [Fact]
    public void OkRows_AnyIds_ReadBackWithSepToTheSameIdsAndUnchangedAmounts()
    {
        OutputRow computed = Computed("A1,8703.23.01.90,JP,40000,2025-04-20,vessel,E1");
        Dictionary<string, string> expected = Assert.Single(ReadBack([computed]));
        Gen.Select(AnyText, AnyText).Array[1, 20].Sample(ids =>
        {
            List<Dictionary<string, string>> back = ReadBack([.. ids.Select(p => computed with { Input = computed.Input with { Id = p.Item1, EntryId = p.Item2 } })]);

            Assert.Equal(ids.Select(p => (p.Item1, p.Item2)), back.Select(r => (r["id"], r["entry_id"])));
            Assert.All(back, r => Assert.Equal(expected.Where(c => c.Key is not ("id" or "entry_id")), r.Where(c => c.Key is not ("id" or "entry_id"))));
        }, iter: 200);
        Assert.Equal(("ok", "11000.00", "9903.94.01=10000.00;9903.01.33=0.00"), (expected["status"], expected["duty_total"], expected["chapter99"]));
    }

    [Fact]
    public void Fields_QuotedExactlyWhenTheyHoldACommaQuoteOrLineBreak()
    {
        AnyText.Sample(id =>
        {
            var written = new StringWriter();
            using (var csv = new CsvDutyOutput(written, compare: false))
            {
                csv.Write(new OutputRow(new InputRow(7, id, null, null, null, null), null, null, new LineError("hts10", "is blank"), null));
            }

            string text = written.ToString();
            string row = text[(text.IndexOf('\n', StringComparison.Ordinal) + 1)..];
            bool quoted = id.AsSpan().IndexOfAny(",\"\r\n") >= 0;
            string field = quoted ? "\"" + id.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : id;

            Assert.Equal(field + ",7,,error,hts10,is blank" + new string(',', 20) + "\n", row);
        }, iter: 500);
    }

    [Fact]
    public void NoRows_HeaderOnly_EndedWithTheWritersNewLine()
    {
        var written = new StringWriter { NewLine = "\r\n" };
        using (var csv = new CsvDutyOutput(written, compare: true))
        {
            Assert.Equal("", written.ToString());
        }

        Assert.Equal(string.Join(',', new CsvDutyOutput(TextWriter.Null, compare: true).Columns) + "\r\n", written.ToString());
        Assert.StartsWith("id,line,entry_id,status,error_field,error_reason,hts10,origin,entry_date,entered_value,chapter99,duty_mfn,", written.ToString());
    }

    [Fact]
    public void ManyRows_HandedOverInChunks_NoneLostOrReordered()
    {
        OutputRow computed = Computed("A1,8703.23.01.90,JP,40000,2025-04-20,vessel,E1");
        var rows = Enumerable.Range(1, 5_000).Select(i => computed with { Input = computed.Input with { Id = "L" + i + new string('x', i % 300) } }).ToList();

        List<Dictionary<string, string>> back = ReadBack(rows);

        Assert.Equal(rows.Select(r => r.Input.Id), back.Select(r => r["id"]));
    }

    [Fact]
    public void JsonLines_AnyText_ParsesBackToTheSameStrings()
    {
        OutputRow computed = Computed("A1,8703.23.01.90,JP,40000,2025-04-20,vessel,E1");
        Gen.Select(CarefulText, CarefulText, CarefulText, CarefulText).Array[1, 10].Sample(rows =>
        {
            var written = new StringWriter();
            using (var jsonl = new JsonLinesDutyOutput(written, compare: false))
            {
                foreach ((string id, string entryId, string field, string reason) in rows)
                {
                    jsonl.Write(computed with { Input = computed.Input with { Id = id, EntryId = entryId } });
                    jsonl.Write(new OutputRow(new InputRow(2, id, entryId, null, null, null), null, null, new LineError(field, reason), null));
                }
            }

            string[] lines = written.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2 * rows.Length, lines.Length);
            for (int i = 0; i < rows.Length; i++)
            {
                using JsonDocument ok = JsonDocument.Parse(lines[2 * i]), error = JsonDocument.Parse(lines[(2 * i) + 1]);
                (string id, string entryId, string field, string reason) = rows[i];
                Assert.Equal((id, entryId, "11000.00"), (ok.RootElement.GetProperty("id").GetString(), ok.RootElement.GetProperty("entryId").GetString(),
                    ok.RootElement.GetProperty("dutyTotal").GetRawText()));
                JsonElement e = error.RootElement.GetProperty("error");
                Assert.Equal((id, entryId, field, reason), (error.RootElement.GetProperty("id").GetString(), error.RootElement.GetProperty("entryId").GetString(),
                    e.GetProperty("field").GetString(), e.GetProperty("reason").GetString()));
            }
        }, iter: 200);
    }

    // One computed row of the batch (fake engine) for a CSV line of id,hts10,origin,value,entry_date,mode,entry_id.
    private static OutputRow Computed(string line)
    {
        var capture = new Capture();
        new DutyBatch(FakeEngine.Quote, BatchRunner.Fees).Run(
            DutyInputReader.ReadCsv(new StringReader("id,hts10,origin,value,entry_date,mode,entry_id\n" + line + "\n"), "lines.csv", compare: false), capture);
        OutputRow row = Assert.Single(capture.Rows);
        Assert.Null(row.Error);
        return row;
    }

    private static List<Dictionary<string, string>> ReadBack(IEnumerable<OutputRow> rows)
    {
        var written = new StringWriter();
        using (var csv = new CsvDutyOutput(written, compare: false))
        {
            foreach (OutputRow row in rows)
            {
                csv.Write(row);
            }
        }

        return BatchRunner.ReadBack(written.ToString());
    }

    private sealed class Capture : IDutyOutput
    {
        internal List<OutputRow> Rows { get; } = [];

        public void Write(OutputRow row) => Rows.Add(row);

        public void Dispose()
        {
        }
    }
}
