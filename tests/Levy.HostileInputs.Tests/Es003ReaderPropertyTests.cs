using System.Text;
using CsCheck;
using Levy.HostileInputs.Tests.Support;
using Levy.Refunds.Import;

namespace Levy.HostileInputs.Tests;

/// <summary>The refund import's promise (docs/reliability.md), held over arbitrary ES-003 exports: every row that holds
/// anything yields one line or one error naming its line and field, in order, whatever the bytes, quotes, encodings and
/// numbers; reading never throws past the header.</summary>
public sealed class Es003ReaderPropertyTests
{
    // The ES-003 name of every field Levy reads, as the header of the generated exports.
    private static readonly string[] Columns = [.. Es003Fields.Names.Select(n => n.Names[0])];

    private static readonly Gen<string> Cell = Gen.OneOf(
        Gen.OneOf<string>("ABC12345678", "ABC-1234567-8", "1", "0", "8703.23.01.90", "8703230190", "9903.01.25", "JP", "CN", "XX", "",
            "2025-04-20", "04/20/2025", "20250420", "31/31/2025", "2026-02-21"),
        HostileBatch.Number,
        HostileBatch.Anything);

    [Fact]
    public void AnyRowsInAnyEncoding_OneLineOrOneErrorPerRowThatHoldsAnything()
    {
        Gen.Select(Cell.Array[Columns.Length].Array[0, 20], HostileBatch.Encodings, Gen.OneOf<string>("\n", "\r\n")).Sample((rows, encoding, ending) =>
        {
            var text = new StringBuilder(string.Join(',', Columns)).Append(ending);
            foreach (string[] row in rows)
            {
                text.Append(string.Join(',', row.Select(c => c.Length == 0 ? c : HostileBatch.Quote(c)))).Append(ending); // an empty cell as spreadsheets write it
            }

            List<(Es003Row? Row, RowError? Error)> read = Read(HostileBatch.Bytes(text.ToString(), encoding));

            int holding = rows.Count(r => r.Any(c => c.Length > 0));
            Assert.Equal(holding, read.Count);
            Assert.All(read, r => Assert.True(r.Row is not null ^ r.Error is not null));
            Assert.All(read, r => Assert.True(r.Error is not { } e || (e.Field.Length > 0 && e.Message.Length > 0 && e.Line >= 2)));
            int[] lines = [.. read.Select(r => r.Row?.Line ?? r.Error!.Line)];
            Assert.True(lines.Zip(lines.Skip(1)).All(p => p.First < p.Second), "line numbers go up");
        }, iter: 150, threads: 1);
    }

    [Fact]
    public void ArbitraryBytesAfterTheHeader_NeverThrowAndEveryErrorNamesItsField()
    {
        Gen.Select(Gen.Byte.Array[0, 2_000], HostileBatch.Encodings).Sample((bytes, encoding) =>
        {
            byte[] input = [.. HostileBatch.Bytes(string.Join(',', Columns) + "\n", encoding), .. bytes];

            List<(Es003Row? Row, RowError? Error)> read = Read(input);

            Assert.All(read, r => Assert.True(r.Error is not { } e || e.Field.Length > 0));
        }, iter: 200, threads: 1);
    }

    private static List<(Es003Row? Row, RowError? Error)> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return [.. Es003Reader.Read(TabularSource.Read(stream, TableFormat.Csv, "es003.csv"), "es003.csv", overrides: null)];
    }
}
