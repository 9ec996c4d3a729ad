using Levy.Core.Calculation;
using Levy.Data.Batch;

namespace Levy.Data.Tests.Batch;

/// <summary>Malformed and awkward inputs: each is handled, or rejected with a message naming the line and column.</summary>
public class DutyInputReaderTests
{
    private const string Header = "id,hts10,origin,value,entry_date";
    private const string Good = "ok,8471.30.01.00,JP,1000,2025-04-20";

    [Fact]
    public void ReadCsv_ByteOrderMark_IsIgnored()
    {
        var (rows, _) = BatchRunner.Csv("\uFEFF" + Header + "\n" + Good + "\n");

        Assert.Equal("ok", Assert.Single(rows)["status"]);
    }

    [Fact]
    public void ReadCsv_QuotedFieldsWithCommasQuotesAndLineBreaks_AreOneField()
    {
        string input = Header + ",note\n" +
            "\"a,\"\"b\"\"\",8471.30.01.00,JP,\"40,000.00\",2025-04-20,\"line one\nline two, with comma\"\n" +
            Good + ",\n";

        var (rows, _) = BatchRunner.Csv(input);

        Assert.Equal(2, rows.Count);
        Assert.Equal("a,\"b\"", rows[0]["id"]);
        Assert.Equal("40000.00", rows[0]["entered_value"]);
        Assert.Equal("ok", rows[1]["id"]);
        Assert.Equal("4", rows[1]["line"]); // the quoted line break moved the next row to line 4
    }

    [Fact]
    public void ReadCsv_ExtraColumnsAndAnyColumnOrderAndCase_AreAccepted()
    {
        var (rows, _) = BatchRunner.Csv("Entry_Date,Customer Ref,VALUE,Origin,HTS10,id\n2025-04-20,PO-77,1000,jp,8471300100,x\n");

        Assert.Equal("ok", rows[0]["status"]);
        Assert.Equal("8471.30.01.00", rows[0]["hts10"]);
    }

    [Theory]
    [InlineData("40000")]
    [InlineData("40,000")]
    [InlineData("$40,000.00")]
    [InlineData(" 40000 ")]
    [InlineData("4E+04")]
    [InlineData("US$ 40,000")]
    [InlineData("40000 USD")]
    public void ReadCsv_ExcelStyleNumbers_AreRead(string value)
    {
        var (rows, _) = BatchRunner.Csv(Header + "\n1,8703.23.01.90,JP,\"" + value + "\",2025-04-20\n");

        Assert.Equal("11000.00", rows[0]["duty_total"]);
    }

    public static TheoryData<string, string, string> BadFields => new()
    {
        { "1,8703.2,JP,1000,2025-04-20", "hts10", "\"8703.2\" is not an HTS code of 8 or 10 digits (e.g. 8703.23.01.90)" },
        { "1,,JP,1000,2025-04-20", "hts10", "is blank" },
        { "1,8471.30.01.00,Japan,1000,2025-04-20", "origin", "\"Japan\" is not a two-letter ISO country code (e.g. JP)" },
        { "1,8471.30.01.00,JP,\"1,23\",2025-04-20", "value", "\"1,23\" is not an amount in USD (e.g. 40000, 40,000.00 or $40,000)" },
        { "1,8471.30.01.00,JP,-5,2025-04-20", "value", "is negative (-5)" },
        { "1,8471.30.01.00,JP,10%,2025-04-20", "value", "\"10%\" is a percentage; an amount in USD was expected" },
        { "1,8471.30.01.00,JP,1000,20/04/2025", "entry_date", "\"20/04/2025\" is not a date: expected yyyy-MM-dd, e.g. 2025-04-20" },
        { "1,8471.30.01.00,JP,1000,", "entry_date", "is blank" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void ReadCsv_BadField_ErrorRowNamesFieldAndReason(string row, string field, string reason)
    {
        var (rows, summary) = BatchRunner.Csv(Header + "\n" + row + "\n" + Good + "\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal(("error", field, reason), (rows[0]["status"], rows[0]["error_field"], rows[0]["error_reason"]));
        Assert.Equal("2", rows[0]["line"]);
        Assert.Equal("ok", rows[1]["status"]);
        Assert.Equal(1, summary.ErrorsByField[field]);
    }

    public static TheoryData<string, string, string> BadOptionalFields => new()
    {
        { "mode", "boat", "\"boat\" is not a mode of transport: expected vessel, air, truck, rail, mail or other" },
        { "unit1", "furlongs", "quantity1" },
        { "steel_share", "1.5", "\"1.5\" is not a share between 0 and 1 (or 0% to 100%)" },
        { "entry_type", "weekly", "\"weekly\" is not an entry type: expected formal (01), informal (11) or blank" },
        { "loading_date", "yesterday", "\"yesterday\" is not a date: expected yyyy-MM-dd, e.g. 2025-04-20" },
    };

    [Theory]
    [MemberData(nameof(BadOptionalFields))]
    public void ReadCsv_BadOptionalField_ErrorRowNamesIt(string column, string value, string reason)
    {
        var (rows, _) = BatchRunner.Csv(Header + "," + column + "\n" + Good + "," + value + "\n");

        if (column == "unit1")
        {
            Assert.Equal(("quantity1", "is blank but unit1 is \"furlongs\""), (rows[0]["error_field"], rows[0]["error_reason"]));
            return;
        }

        Assert.Equal((column, reason), (rows[0]["error_field"], rows[0]["error_reason"]));
    }

    [Fact]
    public void ReadCsv_RowWithMoreFieldsThanHeader_ErrorRowExplainsUnquotedComma()
    {
        var (rows, _) = BatchRunner.Csv(Header + "\n1,8471.30.01.00,JP,40,000,2025-04-20\n" + Good + "\n");

        Assert.Equal(("error", "(row)"), (rows[0]["status"], rows[0]["error_field"]));
        Assert.Equal("has 6 fields but the header has 5: a field with a comma (such as 40,000) must be in double quotes", rows[0]["error_reason"]);
        Assert.Equal("1", rows[0]["id"]);
        Assert.Equal("ok", rows[1]["status"]);
    }

    [Fact]
    public void ReadCsv_ShortRow_MissingFieldsAreBlank()
    {
        var (rows, _) = BatchRunner.Csv(Header + ",mode,program\n" + Good + "\n");

        Assert.Equal("ok", rows[0]["status"]);
    }

    [Fact]
    public void ReadCsv_EmptyLines_AreNotRows()
    {
        var (rows, _) = BatchRunner.Csv(Header + "\n\n" + Good + "\n\n");

        Assert.Single(rows);
    }

    [Theory]
    [InlineData("", "lines.csv, line 1: the file is empty: a header row is needed (see docs/duty.md)")]
    [InlineData("id,origin,value,entry_date\n1,JP,1,2025-04-20\n", "lines.csv, line 1: the header lacks column \"hts10\" (found: id, origin, value, entry_date)")]
    [InlineData("id;hts10;origin;value;entry_date\n", "lines.csv, line 1: the header lacks column \"hts10\" (found: id;hts10;origin;value;entry_date); the file seems to be separated by ';', Levy reads commas")]
    [InlineData("8703.23.01.90,JP,40000,2025-04-20\n", "lines.csv, line 1: the header lacks column \"hts10\" (found: 8703.23.01.90, JP, 40000, 2025-04-20); the first line looks like data: the file needs a header row (see docs/duty.md)")]
    [InlineData("id,hts10,origin,value,entry_date,HTS10\n", "lines.csv, line 1, column 6: column \"HTS10\" appears twice (columns 2 and 6)")]
    [InlineData("id,hts10,origin,value,entry_date,declared_tax\n", "lines.csv, line 1, column 6: \"declared_tax\" is not a declared amount Levy knows")]
    public void ReadCsv_WrongHeader_RejectedNamingLineAndColumn(string input, string message)
    {
        var ex = Assert.Throws<DutyInputException>(() => BatchRunner.Csv(input));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadCsv_SameColumnNameTwice_Rejected()
    {
        var ex = Assert.Throws<DutyInputException>(() => BatchRunner.Csv("id,hts10,origin,value,entry_date,value\n"));

        Assert.Equal("lines.csv, line 1, column 6: column \"value\" appears twice (columns 4 and 6)", ex.Message);
    }

    [Fact]
    public void ReadCsv_CompareWithoutDeclaredColumns_Rejected()
    {
        var ex = Assert.Throws<DutyInputException>(() => BatchRunner.Csv(Header + "\n" + Good + "\n", compare: true));

        Assert.StartsWith("lines.csv, line 1: --compare needs declared amounts", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vessel", TransportMode.Vessel)]
    [InlineData(" Vessel ", TransportMode.Vessel)]
    [InlineData("PIPELINE", TransportMode.Other)]
    [InlineData("41", TransportMode.Air)]
    [InlineData("vessels", null)]
    [InlineData("pipelines", null)]
    [InlineData("", null)]
    public void ParseMode_AnyCase_ByNameOrCbpCode(string text, TransportMode? expected)
    {
        Assert.Equal(expected, DutyColumns.ParseMode(text.Trim()));
        Assert.Equal(expected, DutyColumns.ParseMode(text.AsSpan().Trim()));
    }
}
