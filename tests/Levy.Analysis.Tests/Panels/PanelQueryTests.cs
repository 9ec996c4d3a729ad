using Levy.Analysis.Panels;

namespace Levy.Analysis.Tests.Panels;

public class PanelQueryTests
{
    [Fact]
    public void Run_AggregateOverThePanelView_UsesTypedColumns()
    {
        using var temp = new TempFolder();
        string path = TestPanel.WriteParquet(temp.Path);

        QueryResult result = PanelQuery.Run(path,
            "SELECT country, count(*) AS n, round(avg(total), 4) AS mean FROM panel WHERE DATE '2025-10-01' BETWEEN valid_from AND valid_until GROUP BY 1 ORDER BY 1");

        Assert.Equal(["country", "n", "mean"], result.Columns);
        Assert.Equal(2, result.Rows.Count);
        Assert.Equal("CN", result.Rows[0][0]);
        Assert.Equal(0.375, Convert.ToDouble(result.Rows[0][2], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal(2L, Convert.ToInt64(result.Rows[1][1], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Run_DescribesTheSchemaOfTheFile()
    {
        using var temp = new TempFolder();
        string path = TestPanel.WriteParquet(temp.Path);

        QueryResult result = PanelQuery.Run(path, "DESCRIBE panel");

        Assert.Equal(PanelColumns.All.Select(c => (c.Name, c.Type)), result.Rows.Select(r => ((string)r[0]!, (string)r[1]!)));
    }

    [Fact]
    public void Run_BadSql_ThrowsWithDuckDbsMessage()
    {
        using var temp = new TempFolder();
        string path = TestPanel.WriteParquet(temp.Path);

        var ex = Assert.Throws<PanelQueryException>(() => PanelQuery.Run(path, "SELECT no_such_column FROM panel"));

        Assert.Contains("no_such_column", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFile_SaysHowToBuildOne()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => PanelQuery.Run("/nonexistent/panel.parquet", "SELECT 1"));

        Assert.Contains("levy panel build", ex.Message, StringComparison.Ordinal);
    }
}
