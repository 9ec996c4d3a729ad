namespace Levy.Data.Tests.Batch;

/// <summary><c>levy duty --compare</c>: declared amounts from the same file, differences per line.</summary>
public class CompareTests
{
    private const string Header = "id,hts10,origin,value,entry_date,mode,declared_duty_total,declared_mfn,declared_9903.94.01,declared_mpf,declared_hmf";

    [Fact]
    public void Compare_BillMatches_NoDifferences()
    {
        var (rows, summary) = BatchRunner.Csv(Header + "\n1,8703.23.01.90,JP,40000,2025-04-20,vessel,11000.00,1000,\"$10,000.00\",138.56,50.00\n", compare: true);

        Assert.Equal(("match", ""), (rows[0]["compare"], rows[0]["differences"]));
        Assert.Equal((1, 0), (summary.Compared, summary.Differing));
    }

    [Fact]
    public void Compare_BrokerMissedTheSection232Line_EachDifferenceNamed()
    {
        var (rows, summary) = BatchRunner.Csv(Header + "\n1,8703.23.01.90,JP,40000,2025-04-20,air,1000.00,1000.00,,138.56,\n", compare: true);

        Assert.Equal("differ", rows[0]["compare"]);
        Assert.Equal("duty_total: declared $1,000.00, computed $11,000.00 (-$10,000.00); " +
            "9903.94.01: declared $0.00, computed $10,000.00 (-$10,000.00)", rows[0]["differences"]);
        Assert.Equal((1, 1), (summary.Compared, summary.Differing));
        Assert.Equal(-20_000m, summary.NetDifference.Amount);
    }

    [Fact]
    public void Compare_HeadingAppliedButNoColumnForIt_ReportedAsNotDeclared()
    {
        var (rows, _) = BatchRunner.Csv("id,hts10,origin,value,entry_date,declared_9903.01.25\n1,8703.23.01.90,JP,40000,2025-04-20,4000\n", compare: true);

        Assert.Equal("9903.01.25: declared $4,000.00, computed $0.00 (+$4,000.00); 9903.94.01: declared $0.00, computed $10,000.00 (-$10,000.00)",
            rows[0]["differences"]);
    }

    [Fact]
    public void Compare_MpfDeclaredOnEachLineOfAnEntry_ComparedWithTheLineShare()
    {
        var (rows, _) = BatchRunner.Csv("id,hts10,origin,value,entry_date,entry_id,declared_mpf\n" +
            "1,8471.30.01.00,CN,30000,2025-04-20,E,103.92\n2,8471.30.01.00,CN,10000,2025-04-20,E,34.65\n", compare: true);

        Assert.Equal(["match", "differ"], rows.Select(r => r["compare"]));
        Assert.Equal("mpf: declared $34.65, computed $34.64 (+$0.01)", rows[1]["differences"]);
    }

    [Fact]
    public void Compare_BadDeclaredAmount_ErrorNamesTheColumn()
    {
        var (rows, _) = BatchRunner.Csv(Header + "\n1,8703.23.01.90,JP,40000,2025-04-20,air,lots,,,,\n", compare: true);

        Assert.Equal(("error", "declared_duty_total"), (rows[0]["status"], rows[0]["error_field"]));
    }
}
