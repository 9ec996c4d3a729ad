using System.Text;
using System.Text.Json;
using CsCheck;

namespace Levy.Data.Tests.Batch;

/// <summary>The batch's promise: N input rows give N output rows, in order, each carrying its input's id, whatever the
/// rows contain.</summary>
public class NeverLoseARowTests
{
    private static readonly string[] Columns = ["id", "hts10", "origin", "value", "quantity1", "unit1", "entry_date", "mode", "entry_id", "steel_share", "note"];

    // Plausible values mixed with anything at all, so that both good and bad rows occur.
    private static readonly Gen<string> Field = Gen.OneOf(
        Gen.String,
        Gen.OneOf<string>("8703.23.01.90", "0402.99.90.00", "8471300100", "JP", "CN", "MX", "40,000", "$1,234.50", "1e3", "-1",
            "2025-04-20", "2025-08-29", "2026-10-01", "vessel", "air", "kg", "g", "No.", "E1", "E2", "0.4", "150%", "", " ", "\"", ",", "\n"));

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [Fact]
    public void Csv_AnyRows_OneOutputRowPerInputRowInOrderWithItsId()
    {
        Gen.Select(Field.Array[Columns.Length - 1], Gen.Int[0, 1_000_000]).Array[0, 40].Sample(rows =>
        {
            var csv = new StringBuilder(string.Join(',', Columns)).Append('\n');
            var ids = new List<string>();
            for (int i = 0; i < rows.Length; i++)
            {
                string id = "r" + i + "-" + rows[i].Item2;
                ids.Add(id);
                csv.Append(Quote(id)).Append(',').AppendJoin(',', rows[i].Item1.Select(Quote)).Append('\n');
            }

            var (output, summary) = BatchRunner.Csv(csv.ToString());

            Assert.Equal(ids, output.Select(r => r["id"]));
            Assert.Equal(rows.Length, summary.Lines);
            Assert.Equal(summary.Lines, summary.Computed + summary.Errors);
            Assert.All(output, r => Assert.True(r["status"] == "ok" || r["error_field"].Length > 0));
        }, iter: 200);
    }

    [Fact]
    public void JsonLines_AnyLines_OneOutputRowPerNonEmptyLine()
    {
        Gen<string> garbage = Gen.String.Select(s => "x" + s.Replace('\n', ' ').Replace('\r', ' '));
        Gen<string> json = Field.Array[Columns.Length].Select(values =>
            JsonSerializer.Serialize(Columns.Zip(values).ToDictionary(p => p.First, p => p.Second)));
        Gen.OneOf(garbage, json).Array[0, 40].Sample(lines =>
        {
            var (output, summary) = BatchRunner.JsonLines(string.Join('\n', lines) + "\n");

            Assert.Equal(lines.Length, output.Count);
            Assert.Equal(lines.Length, summary.Lines);
            for (int i = 0; i < output.Count; i++)
            {
                using JsonDocument doc = JsonDocument.Parse(output[i]);
                Assert.Equal(i + 1, doc.RootElement.GetProperty("line").GetInt64());
            }
        }, iter: 200);
    }
}
