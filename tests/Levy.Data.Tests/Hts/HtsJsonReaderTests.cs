using System.Text;
using Levy.Core.Primitives;
using Levy.Core.Schedule;
using Levy.Data.Hts;

namespace Levy.Data.Tests.Hts;

public class HtsJsonReaderTests
{
    private static IReadOnlyList<HtsLine> Read(byte[] bytes, string name = "hts_test.json.gz") =>
        HtsJsonReader.Read(new MemoryStream(bytes), name, new ScheduleInterner());

    private static InvalidScheduleDataException Fails(byte[] bytes) =>
        Assert.Throws<InvalidScheduleDataException>(() => Read(bytes));

    [Fact]
    public void Read_GzipFixture_YieldsLinesWithMarkupStrippedAndFootnoteLinks()
    {
        IReadOnlyList<HtsLine> lines = Read(Fixtures.Gzip(Fixtures.ThreeRows));

        Assert.Equal(3, lines.Count);
        Assert.Equal("Used", lines[2].Description);
        Assert.Equal("2.5%", lines[1].General!.Text);
        Assert.Null(lines[0].General); // blank cells are absent, not empty strings
        Assert.Equal(HtsCode.Parse("9903.88.01"), Assert.Single(Assert.Single(lines[1].Footnotes).References));
        Assert.Equal(FootnoteColumns.General, lines[1].Footnotes[0].Columns);
        Assert.Equal("No.", Assert.Single(lines[2].Units).Symbol);
    }

    [Fact]
    public void Read_PlainJson_IsAcceptedToo()
    {
        Assert.Equal(3, Read(Encoding.UTF8.GetBytes(Fixtures.ThreeRows), "hts.json").Count);
    }

    [Fact]
    public void Read_SameRowsTwice_ShareLineInstances()
    {
        var interner = new ScheduleInterner();

        var a = HtsJsonReader.Read(new MemoryStream(Fixtures.Gzip(Fixtures.ThreeRows)), "a", interner);
        var b = HtsJsonReader.Read(new MemoryStream(Fixtures.Gzip(Fixtures.ThreeRows)), "b", interner);

        Assert.Same(a[1], b[1]);
        Assert.Same(a[1].General, b[1].General);
        Assert.Equal(3, interner.DistinctLines);
    }

    [Fact]
    public void Read_TruncatedGzip_NamesFileAndSaysTruncated()
    {
        byte[] whole = Fixtures.Gzip(Fixtures.ThreeRows);

        var ex = Fails(whole[..(whole.Length / 2)]);

        Assert.StartsWith("hts_test.json.gz: ", ex.Message);
        Assert.Contains("truncated", ex.Message);
    }

    [Fact]
    public void Read_CorruptGzip_NamesFile()
    {
        byte[] bytes = Fixtures.Gzip(Fixtures.ThreeRows);
        for (int i = 20; i < 60; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var ex = Fails(bytes);

        Assert.StartsWith("hts_test.json.gz: ", ex.Message);
        Assert.Matches("corrupt|malformed|truncated", ex.Message);
    }

    [Fact]
    public void Read_TruncatedJson_SaysWhereItEnds()
    {
        string cut = Fixtures.ThreeRows[..(Fixtures.ThreeRows.Length - 40)];

        var ex = Fails(Fixtures.Gzip(cut));

        Assert.Contains("hts_test.json.gz: the file is truncated", ex.Message);
    }

    [Theory]
    [InlineData("{\"htsno\":\"0101\"}", "not an HTS JSON export: expected a JSON array of rows, found an object")]
    [InlineData("<html><body>Service unavailable</body></html>", "malformed JSON at byte 0")]
    [InlineData("[]", "not an HTS JSON export: the array holds no rows")]
    [InlineData("", "the file is empty")]
    public void Read_NotAnHtsExport_SaysWhat(string content, string expected)
    {
        var ex = Fails(Encoding.UTF8.GetBytes(content));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Read_BadRecords_AreAllReportedWithRecordAndField()
    {
        const string json = """
            [
              {"htsno":"0101","indent":"0","description":"Live horses"},
              {"htsno":"0101.2","indent":"1","description":"x"},
              {"htsno":"0101.21.00","indent":"x","description":"Purebred"},
              {"indent":"1","description":"no code key"},
              {"htsno":"0101.29.00","indent":"1","general":5,"description":"Other"}
            ]
            """;

        var ex = Fails(Encoding.UTF8.GetBytes(json));

        Assert.Equal(4, ex.Problems.Length);
        Assert.Equal("hts_test.json.gz, record 1 (htsno \"0101.2\"): \"htsno\" is not an HTS code: \"0101.2\" is not an HTS code: it has 5 digits; a code has 2, 4, 6, 8 or 10.", ex.Problems[0].ToString());
        Assert.Equal("hts_test.json.gz, record 2 (htsno \"0101.21.00\"): \"indent\" is not a number from 0 to 20: \"x\"", ex.Problems[1].ToString());
        Assert.Equal("hts_test.json.gz, record 3: \"htsno\" is missing: not an HTS row", ex.Problems[2].ToString());
        Assert.Equal("hts_test.json.gz, record 4 (htsno \"0101.29.00\"): \"general\" is a number, not text", ex.Problems[3].ToString());
    }

    [Theory]
    [InlineData("See 9903.88.01.", "9903.88.01")]
    [InlineData("See 9903.88.01-9903.88.05. ", "9903.88.01,9903.88.05")]
    [InlineData("See U.S. note 20 to subchapter III, chapter 99, 9903.88.03 and 9903.88.04.", "9903.88.03,9903.88.04")]
    [InlineData("See chapter 99 statistical note 1.", "")]
    [InlineData("Imports may be subject to Federal Excise Tax (26 U.S.C. 5001).", "")]
    public void ExtractCodes_FootnoteTexts_FindsTheCodes(string text, string expected)
    {
        Assert.Equal(expected, string.Join(",", HtsJsonReader.ExtractCodes(text)));
    }
}
