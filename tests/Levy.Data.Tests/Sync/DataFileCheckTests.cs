using System.Text;
using Levy.Data.Sync;
using Levy.Data.Tests.Sync.Support;

namespace Levy.Data.Tests.Sync;

public sealed class DataFileCheckTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("levy-check-");

    public void Dispose() => _folder.Delete(recursive: true);

    public static TheoryData<DataFormat, string> GoodFiles => new()
    {
        { DataFormat.Csv, "hts8,list,ch99_code\n01012100,4A,9903.88.15\n" },
        // A '#' comment header comes before the columns (country_eo_exempt_products.csv).
        { DataFormat.Csv, "# Country-specific exemptions\n# source: EO annexes\nch99_code,hts10\n9903.01.77,2709.00.10\n" },
        { DataFormat.Csv, "\"hts8\"\r\n\"02011005\"\r\n" },
        { DataFormat.Yaml, "# comment\nseries_horizon:\n  end_date: 2026-12-31\n" },
        { DataFormat.Yaml, "- 1\n- 2\n" },
        { DataFormat.Text, "4009120020\n4009220020\n" },
    };

    public static TheoryData<DataFormat, string, string> BadFiles => new()
    {
        { DataFormat.Csv, "", SyncErrorMessages.Empty },
        { DataFormat.Csv, "hts8,list,ch99_code\n", SyncErrorMessages.CsvNoRows },
        { DataFormat.Csv, "<html><body>Not Found</body></html>", SyncErrorMessages.HtmlPage },
        { DataFormat.Csv, "a,b\n1,\0\0\0\n", SyncErrorMessages.NotText },
        { DataFormat.Yaml, "key: [unclosed\n", "not valid YAML: line" },
        { DataFormat.Yaml, "just a sentence\n", SyncErrorMessages.YamlNotDocument },
        { DataFormat.Yaml, "  <!DOCTYPE html>\n<html></html>", SyncErrorMessages.HtmlPage },
        { DataFormat.Text, "   \n\n", SyncErrorMessages.Empty },
        { DataFormat.HtsJson, "[]", "the array holds no rows" },
        { DataFormat.HtsJson, "[{\"htsno\": \"0101\", \"indent\": \"x\", \"description\": \"Live horses\"}]", "\"indent\" is not a number" },
    };

    [Theory]
    [MemberData(nameof(GoodFiles))]
    public void FindProblem_GoodFile_ReturnsNull(DataFormat format, string content)
    {
        string path = Write(content);

        Assert.Null(DataFileCheck.FindProblem(path, format, "x"));
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void FindProblem_BadFile_SaysWhatIsWrong(DataFormat format, string content, string expected)
    {
        string path = Write(content);

        Assert.Contains(expected, DataFileCheck.FindProblem(path, format, "x"), StringComparison.Ordinal);
    }

    [Fact]
    public void FindProblem_LatinOneText_IsText()
    {
        // Yale's Chapter 99 text is ISO-8859-1: 0xA2 is the cent sign.
        string path = Path.Combine(_folder.FullName, "latin1.txt");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("14.27\u00A2/kg\n"));

        Assert.Null(DataFileCheck.FindProblem(path, DataFormat.Text, "latin1.txt"));
    }

    [Fact]
    public void FindProblem_HtsExportPlainOrGzipped_ReturnsNull()
    {
        string plain = Path.Combine(_folder.FullName, "plain.json");
        string gzipped = Path.Combine(_folder.FullName, "packed.json.gz");
        File.WriteAllBytes(plain, TinyHts.Bytes());
        File.WriteAllBytes(gzipped, TinyHts.Gzip(TinyHts.Bytes()));

        Assert.Null(DataFileCheck.FindProblem(plain, DataFormat.HtsJson, "plain.json"));
        Assert.Null(DataFileCheck.FindProblem(gzipped, DataFormat.HtsJson, "packed.json.gz"));
        Assert.False(DataFileCheck.IsGzip(plain));
        Assert.True(DataFileCheck.IsGzip(gzipped));
    }

    private string Write(string content)
    {
        string path = Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N"));
        File.WriteAllText(path, content);
        return path;
    }
}
