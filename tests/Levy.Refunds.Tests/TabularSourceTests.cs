using System.Text;
using Levy.Refunds.Import;

namespace Levy.Refunds.Tests;

public sealed class TabularSourceTests
{
    [Fact]
    public void Read_Csv_RowsCarryTheirFileLines()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n\"x\ny\",3\n4,\n"));

        SourceRow[] rows = [.. TabularSource.Read(stream, TableFormat.Csv, "t.csv")];

        Assert.Equal([1, 2, 3, 5], rows.Select(r => r.Line));
        Assert.Equal("x\ny", rows[2].Cells[0]);
        Assert.Null(rows[3].Cells[1]);
    }
}
