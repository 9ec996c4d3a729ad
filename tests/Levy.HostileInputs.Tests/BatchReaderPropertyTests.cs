using System.Text;
using System.Text.Json;
using CsCheck;
using Levy.Core.Inputs;
using Levy.Data.Batch;
using Levy.HostileInputs.Tests.Support;

namespace Levy.HostileInputs.Tests;

/// <summary>The batch's promise, held over arbitrary inputs: N rows in, N rows out, in order, each with its id, whatever
/// the bytes, quotes, line lengths, encodings and numbers; never an exception. (Iterations are bounded so the suite stays
/// fast; CsCheck prints the seed of a failure, to replay it.)</summary>
public sealed class BatchReaderPropertyTests
{
    [Fact]
    public void Csv_AnyRowsInAnyEncoding_OneRowOutPerRowInWithItsId()
    {
        Gen.Select(HostileBatch.CsvText, HostileBatch.Encodings).Sample((input, encoding) =>
        {
            (List<OutputRow> rows, BatchSummary summary) = HostileBatch.Run(HostileBatch.Bytes(input.Text, encoding), jsonLines: false);

            Assert.Equal(Enumerable.Range(0, input.Rows).Select(i => "r" + i), rows.Select(r => r.Input.Id));
            Assert.Equal(input.Rows, summary.Lines);
            Assert.Equal(summary.Lines, summary.Computed + summary.Errors);
            Assert.All(rows, r => Assert.True(r.Error is { } e ? e.Field.Length > 0 && e.Reason.Length > 0 : r.Amounts is not null));
            Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Input.Line < p.Second.Input.Line), "line numbers go up");
        }, iter: 150, threads: 1);
    }

    [Fact]
    public void JsonLines_AnyLinesInAnyEncoding_OneRowOutPerNonEmptyLine()
    {
        Gen<string> garbage = HostileBatch.Anything.Select(s => "x" + s.Replace('\n', ' ').Replace('\r', ' '));
        Gen<string> json = Gen.Select(HostileBatch.Anything.Array[9], Gen.Bool).Select((values, longOne) => JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["hts10"] = values[0], ["origin"] = values[1], ["value"] = values[2], ["quantity1"] = values[3], ["unit1"] = values[4],
            ["entry_date"] = values[5], ["mode"] = values[6], ["steel_share"] = values[7],
            ["note"] = longOne ? new string('y', InputBounds.MaxBatchRowChars) : values[8],
        }));
        Gen.Select(Gen.OneOf(garbage, json, Gen.OneOf<string>("null", "[1,2]", "{\"value\": {\"a\": 1}}", "{\"value\": 1e400}", "{")).Array[0, 30],
            HostileBatch.Encodings).Sample((lines, encoding) =>
        {
            (List<OutputRow> rows, BatchSummary summary) = HostileBatch.Run(HostileBatch.Bytes(string.Join('\n', lines) + "\n", encoding), jsonLines: true);

            Assert.Equal(lines.Length, rows.Count);
            Assert.Equal(lines.Length, summary.Lines);
            Assert.Equal(Enumerable.Range(1, lines.Length), rows.Select(r => (int)r.Input.Line));
        }, iter: 150, threads: 1);
    }

    [Fact]
    public void Csv_ArbitraryBytesAfterAHeader_NeverThrowsAndEveryRowIsAnsweredOrExplained()
    {
        Gen.Select(Gen.Byte.Array[0, 2_000], HostileBatch.Encodings).Sample((bytes, encoding) =>
        {
            byte[] input = [.. HostileBatch.Bytes(HostileBatch.Header + "\n", encoding), .. bytes];

            (List<OutputRow> rows, BatchSummary summary) = HostileBatch.Run(input, jsonLines: false);

            Assert.Equal(rows.Count, summary.Lines);
            Assert.All(rows, r => Assert.True(r.Error is not { } e || e.Field.Length > 0));
            Assert.True(rows.Zip(rows.Skip(1)).All(p => p.First.Input.Line < p.Second.Input.Line), "line numbers go up");
        }, iter: 200, threads: 1);
    }

    [Fact]
    public void Csv_NumbersOfEveryShape_AreReadOrRefusedNeverOverflow()
    {
        HostileBatch.Number.Array[1, 20].Sample(values =>
        {
            string text = "id,hts10,origin,value,entry_date,quantity1\n" + string.Concat(values.Select((v, i) =>
                $"r{i},0402.99.90.00,AR,{HostileBatch.Quote(v)},2025-04-20,{HostileBatch.Quote(values[^(i + 1)])}\n"));

            (List<OutputRow> rows, _) = HostileBatch.Run(Encoding.UTF8.GetBytes(text), jsonLines: false);

            Assert.Equal(values.Length, rows.Count);
            Assert.All(rows, r => Assert.NotEqual(BatchMessages.EngineField, r.Error?.Field)); // no overflow reached the engine or the duty
        }, iter: 200, threads: 1);
    }
}
