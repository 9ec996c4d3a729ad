using Levy.Data.Batch;

namespace Levy.Data.Tests.Batch;

/// <summary>The batch path with the real rate engine over ../shared/data.</summary>
public class RealEngineBatchTests
{
    [Fact]
    public void Run_JapaneseCar_MatchesTheDomainMoneyCheck()
    {
        // docs/domain.md, "Worked examples" (Japan): a $40,000 Japanese car owes $11,000 duty entered 2025-08-10 and $6,000 on 2025-09-20.
        const string input = "id,hts10,origin,value,quantity1,entry_date,mode\n" +
            "a,8703.23.01.90,JP,40000,1,2025-08-10,vessel\n" +
            "b,8703.23.01.90,JP,40000,1,2025-09-20,vessel\n" +
            "c,8703.23.01.99,JP,40000,1,2025-09-20,vessel\n";
        var output = new StringWriter();
        using (var csv = new CsvDutyOutput(output, compare: false))
        {
            new DutyBatch(SharedData.Data.Engine.Quote, SharedData.Data.Fees).Run(DutyInputReader.ReadCsv(new StringReader(input), "cars.csv", false), csv, cancellationToken: TestContext.Current.CancellationToken);
        }

        List<Dictionary<string, string>> rows = BatchRunner.ReadBack(output.ToString());
        Assert.Equal(["11000.00", "6000.00"], rows.Take(2).Select(r => r["duty_total"]));
        Assert.Equal(["138.56", "138.56"], rows.Take(2).Select(r => r["mpf"]));
        Assert.Equal(("error", "hts10"), (rows[2]["status"], rows[2]["error_field"]));
    }
}
