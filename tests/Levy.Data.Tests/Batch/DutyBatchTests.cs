using System.Text.Json;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Schedule;
using Levy.Data.Batch;

namespace Levy.Data.Tests.Batch;

public class DutyBatchTests
{
    private const string Header = "id,hts10,origin,value,quantity1,unit1,entry_date,mode,entry_id";

    [Fact]
    public void Run_JapaneseCar_OneRowWithDutyFeesAndChapter99()
    {
        var (rows, summary) = BatchRunner.Csv(Header + "\nA1,8703.23.01.90,JP,40000,1,,2025-04-20,vessel,\n");

        Dictionary<string, string> r = Assert.Single(rows);
        Assert.Equal("A1", r["id"]);
        Assert.Equal("ok", r["status"]);
        Assert.Equal("1000.00", r["duty_mfn"]);
        Assert.Equal("10000.00", r["duty_section232"]);
        Assert.Equal("9903.94.01=10000.00;9903.01.33=0.00", r["chapter99"]);
        Assert.Equal("11000.00", r["duty_total"]);
        Assert.Equal("138.56", r["mpf"]);     // 0.3464% of $40,000 (FY2025)
        Assert.Equal("50.00", r["hmf"]);      // 0.125% of $40,000, vessel
        Assert.Equal("11188.56", r["line_total"]);
        Assert.Equal("formal", r["entry_type"]);
        Assert.Equal(11_000m, summary.DutyFor(Authority.Mfn).Amount + summary.DutyFor(Authority.Section232).Amount);
        Assert.Equal(1, summary.Entries);
    }

    [Fact]
    public void Run_WithTheDataDate_EachRowSaysWhetherItIsAfterItAndTheSummaryCountsThem()
    {
        var (rows, summary) = BatchRunner.Csv(Header + "\n" +
            "1,8703.23.01.90,JP,40000,1,,2026-06-08,air,\n" +
            "2,8703.23.01.90,JP,40000,1,,2026-10-05,air,\n" +
            "3,9999.99.99.99,JP,1000,,,2026-10-05,air,\n", dataAsOf: new DateOnly(2026, 6, 8));

        Assert.Equal(["false", "true", ""], rows.Select(r => r["stale"]));
        Assert.Equal(1, summary.StaleLines); // computed lines only; the error row has no answer to be stale
        Assert.Equal(new DateOnly(2026, 10, 5), summary.LatestEntryDate);
        Assert.Equal("138.56", rows[1]["mpf"]); // FY2027 figures, no longer an error row
    }

    [Fact]
    public void Run_WithoutTheDataDate_NoStaleColumn()
    {
        var (rows, summary) = BatchRunner.Csv(Header + "\n1,8703.23.01.90,JP,40000,1,,2026-10-05,air,\n");

        Assert.False(rows[0].ContainsKey("stale"));
        Assert.Equal(0, summary.StaleLines);
    }

    [Fact]
    public void Run_JsonLinesWithTheDataDate_CarriesStale()
    {
        var (lines, _) = BatchRunner.JsonLines("{\"hts10\":\"8703.23.01.90\",\"origin\":\"JP\",\"value\":40000,\"entry_date\":\"2026-10-05\"}\n",
            dataAsOf: new DateOnly(2026, 6, 8));

        using JsonDocument doc = JsonDocument.Parse(lines[0]);
        Assert.True(doc.RootElement.GetProperty("stale").GetBoolean());
    }

    [Fact]
    public void Run_CompoundRateWithGrams_ConvertsToKilograms()
    {
        var (rows, _) = BatchRunner.Csv(Header + "\nC1,0402.99.90.00,DE,8000,1000000,g,2025-06-01,air,\n");

        Assert.Equal("1655.00", rows[0]["duty_total"]); // 46.3¢/kg × 1,000 kg + 14.9% × $8,000
    }

    [Fact]
    public void Run_LinesOfOneEntry_MpfCappedAndApportionedAtEntryLevel()
    {
        var (rows, summary) = BatchRunner.Csv(Header + "\n" +
            "1,8471.30.01.00,CN,150000,,,2025-04-20,air,E1\n" +
            "2,8471.30.01.00,CN,150000,,,2025-04-20,air,E1\n" +
            "3,8471.30.01.00,CN,5000,,,2025-04-20,air,\n");

        Assert.Equal(["317.31", "317.31", "32.71"], rows.Select(r => r["mpf"]));
        Assert.Equal(2, summary.Entries);
        Assert.Equal(634.62m + 32.71m, summary.Mpf.Amount);
    }

    [Fact]
    public void Run_EntryLinesNotTogether_LaterLineIsAnErrorRow()
    {
        var (rows, _) = BatchRunner.Csv(Header + "\n" +
            "1,8471.30.01.00,CN,1000,,,2025-04-20,air,E1\n" +
            "2,8471.30.01.00,CN,1000,,,2025-04-20,air,E2\n" +
            "3,8471.30.01.00,CN,1000,,,2025-04-20,air,E1\n");

        Assert.Equal(["ok", "ok", "error"], rows.Select(r => r["status"]));
        Assert.Equal("entry_id", rows[2]["error_field"]);
    }

    [Fact]
    public void Run_EngineCannotAnswer_ErrorRowAndTheBatchGoesOn()
    {
        var (rows, summary) = BatchRunner.Csv(Header + "\n" +
            "1,9801.00.10.00,JP,1000,,,2025-04-20,air,\n" +
            "2,9999.99.99.99,JP,1000,,,2025-04-20,air,\n" +
            "3,8471.30.01.00,JP,1000,,,2025-04-20,air,\n");

        Assert.Equal(["error", "error", "ok"], rows.Select(r => r["status"]));
        Assert.Equal("hts10", rows[0]["error_field"]);
        Assert.Equal("Unknown HTS code 9801.00.10.00 in 2025 Revision 12.", rows[0]["error_reason"]);
        Assert.Equal("(engine)", rows[1]["error_field"]);
        Assert.Equal("InvalidOperationException: engine bug", rows[1]["error_reason"]);
        Assert.Equal((3, 2, 1), (summary.Lines, summary.Errors, summary.Computed));
    }

    [Fact]
    public void Run_RealEngine_RequestsTheEngineRefuses_AreErrorRowsNamingTheColumn()
    {
        const string input = "id,hts10,origin,value,steel_share,aluminum_share,entry_date\n"
            + "1,8703.23.01.90,US,40000,,,2025-05-01\n"
            + "2,9903.94.01,JP,40000,,,2025-05-01\n"
            + "3,8482.10.50.68,DE,1000,0.8,0.8,2025-10-01\n"
            + "4,8703.23.01.90,JP,40000,,,2025-05-01\n";
        var output = new StringWriter();
        using (var csv = new CsvDutyOutput(output, false))
        {
            new DutyBatch(SharedData.Data.Engine.Quote, BatchRunner.Fees, false).Run(DutyInputReader.ReadCsv(new StringReader(input), "lines.csv", false), csv, cancellationToken: TestContext.Current.CancellationToken);
        }

        List<Dictionary<string, string>> rows = BatchRunner.ReadBack(output.ToString());
        Assert.Equal(["error", "error", "error", "ok"], rows.Select(r => r["status"]));
        Assert.Equal(["origin", "hts10", "steel_share,aluminum_share,copper_share"], rows.Take(3).Select(r => r["error_field"]));
        Assert.Contains("9801.00.10", rows[0]["error_reason"], StringComparison.Ordinal);
        Assert.Contains("8703.23", rows[1]["error_reason"], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SpecificRateWithoutQuantity_ErrorNamesQuantity1()
    {
        var (rows, _) = BatchRunner.Csv(Header + "\n1,0402.99.90.00,DE,8000,,,2025-06-01,air,\n");

        Assert.Equal("quantity1", rows[0]["error_field"]);
    }

    [Fact]
    public void Run_MetalValueInsteadOfShare_ChargesTheMetalPart()
    {
        var (rows, _) = BatchRunner.Csv("id,hts10,origin,value,aluminum_value,entry_date\n1,7326.90.86.88,DE,10000,4000,2026-03-01\n");

        Assert.Equal("390.00", rows[0]["duty_mfn"]);
        Assert.Equal("2000.00", rows[0]["duty_section232"]);
    }

    [Fact]
    public void Run_LowValueShipmentBeforeSuspension_DeMinimisFreeOfDutyAndFees()
    {
        var (rows, _) = BatchRunner.Csv(Header + "\n1,8703.23.01.90,JP,700,1,,2025-06-01,air,\n2,8703.23.01.90,JP,700,1,,2025-08-29,air,\n");

        Assert.Equal(("true", "0.00", "0.00"), (rows[0]["de_minimis"], rows[0]["duty_total"], rows[0]["line_total"]));
        Assert.Equal(("false", "192.50", "2.62"), (rows[1]["de_minimis"], rows[1]["duty_total"], rows[1]["mpf"]));
    }

    [Fact]
    public void Run_JsonLines_SameAmountsAsCsv()
    {
        var (lines, summary) = BatchRunner.JsonLines(
            "\uFEFF{\"id\":\"A1\",\"hts10\":\"8703230190\",\"origin\":\"JP\",\"value\":40000,\"entry_date\":\"2025-04-20\",\"mode\":\"vessel\"}\n" +
            "\n" +
            "{\"id\":\"A2\",\"hts10\":\"8703.23.01.90\",\"origin\":\"JP\",\"value\":\"$40,000\",\"entry_date\":\"2025-09-20\"}\n");

        Assert.Equal(2, lines.Count);
        using JsonDocument a = JsonDocument.Parse(lines[0]);
        Assert.Equal("ok", a.RootElement.GetProperty("status").GetString());
        Assert.Equal(11_000m, a.RootElement.GetProperty("dutyTotal").GetDecimal());
        Assert.Equal(50m, a.RootElement.GetProperty("hmf").GetDecimal());
        Assert.Equal("9903.94.01", a.RootElement.GetProperty("components")[1].GetProperty("heading").GetString());
        using JsonDocument b = JsonDocument.Parse(lines[1]);
        Assert.Equal(6_000m, b.RootElement.GetProperty("dutyTotal").GetDecimal()); // Japan deal: 15% all-in
        Assert.Equal(2, summary.Computed);
    }

    [Theory]
    [InlineData("not json at all", "(row)", "is not valid JSON")]
    [InlineData("[1,2,3]", "(row)", "is a JSON array, not an object")]
    [InlineData("{\"hts10\":\"8703.23.01.90\",\"origin\":\"JP\",\"entry_date\":\"2025-04-20\"}", "value", "is missing")]
    [InlineData("{\"hts10\":\"8703.23.01.90\",\"origin\":\"JP\",\"value\":true,\"entry_date\":\"2025-04-20\"}", "value", "\"value\" is a JSON true; a string or a number was expected")]
    [InlineData("{\"hts10\":\"8703.23.01.90\",\"origin\":\"JP\",\"value\":1,\"entry_date\":\"2025-04-20\",\"declared_x\":1}", "(row)", "\"declared_x\" is not a declared amount")]
    public void Run_JsonLinesBadLine_ErrorRowNamingFieldAndReason(string line, string field, string reason)
    {
        var (lines, _) = BatchRunner.JsonLines(line + "\n{\"id\":\"next\",\"hts10\":\"8471.30.01.00\",\"origin\":\"JP\",\"value\":1000,\"entry_date\":\"2025-04-20\"}\n");

        Assert.Equal(2, lines.Count);
        using JsonDocument doc = JsonDocument.Parse(lines[0]);
        JsonElement error = doc.RootElement.GetProperty("error");
        Assert.Equal(field, error.GetProperty("field").GetString());
        Assert.StartsWith(reason, error.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, doc.RootElement.GetProperty("line").GetInt64());
        using JsonDocument next = JsonDocument.Parse(lines[1]);
        Assert.Equal("ok", next.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public void Run_QuantityWithoutUnit_AskedOnceWithTheUnitOnceTheProductIsKnown_AgainWhenTheQuoteSaysOtherUnits()
    {
        // A made-up revision from 2025-07-01 reports 0402.99.90.00 in grams rather than kilograms.
        var grams = new TariffSchedule(HtsRevisionId.Parse("2025_rev_13"),
        [
            new HtsLine { Code = HtsCode.Parse("0402.99.90.00"), Indent = 0, Description = "test", Units = [UnitOfMeasure.Parse("g")], Footnotes = [] },
        ]);
        var asked = new List<QuoteRequest>();
        RateQuote Engine(QuoteRequest r)
        {
            asked.Add(r);
            RateQuote q = FakeEngine.Quote(r);
            return r.EntryDate < new DateOnly(2025, 7, 1) ? q : new RateQuote(r, grams.Revision, grams.FindProduct(r.Product)!, q.Components, [], [], []);
        }

        var output = new StringWriter();
        using (var csv = new CsvDutyOutput(output, compare: false))
        {
            new DutyBatch(Engine, BatchRunner.Fees).Run(DutyInputReader.ReadCsv(new StringReader("id,hts10,origin,value,quantity1,entry_date\n" +
                "1,0402.99.90.00,DE,8000,1000,2025-06-01\n2,0402.99.90.00,DE,8000,1000,2025-06-02\n3,0402.99.90.00,DE,8000,1000,2025-06-03\n" +
                "4,0402.99.90.00,DE,8000,1000000,2025-07-01\n"), "lines.csv", compare: false), csv, cancellationToken: TestContext.Current.CancellationToken);
        }

        // The first line is asked without its unit, then with it; the next two at once with kg; the last with kg (as
        // remembered), then with g (as its quote says).
        Assert.Equal(["", "kg", "kg", "kg", "kg", "g"], asked.Select(r => r.Quantities[0].Unit.ToString()));
        Assert.All(BatchRunner.ReadBack(output.ToString()), r => Assert.Equal("1655.00", r["duty_total"])); // 46.3¢/kg × 1,000 kg + 14.9% × $8,000
    }
}
