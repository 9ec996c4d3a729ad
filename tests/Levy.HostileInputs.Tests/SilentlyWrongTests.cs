extern alias web;

using System.Net;
using System.Text;
using System.Text.Json;
using Levy.Cli;
using Levy.Core.Calculation;
using Levy.Core.Inputs;
using Levy.Core.Primitives;
using Levy.Data.Batch;
using Levy.Data.Sync;
using Levy.HostileInputs.Tests.Support;

namespace Levy.HostileInputs.Tests;

/// <summary>Issue 12, "Silently wrong": inputs that used to give an answer that looked right and was not. Each is now
/// refused, or reported where it happens, with its exit code and message.</summary>
public sealed class SilentlyWrongTests : IDisposable
{
    private const string Header = "id,hts10,origin,value,entry_date";
    private const string Car = "8703.23.01.90,JP,40000,2025-04-20";

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Rate_QuantityRepeatedInTheSameUnit_IsRefusedNotTheFirstKept()
    {
        CliResult r = Hostile.Cli("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20", "--quantity", "10kg", "--quantity", "20kg");

        string reason = InputMessages.Format(InputMessages.SameUnitTwice, UnitOfMeasure.Kilogram, new Quantity(10, UnitOfMeasure.Kilogram), new Quantity(20, UnitOfMeasure.Kilogram));
        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(UserInputs.Quantity.Message(InputSurface.Cli, reason) + ".")), (r.ExitCode, r.Error));
    }

    [Fact]
    public void Rate_QuantitiesInUnitsThatConvert_AreRefused()
    {
        CliResult r = Hostile.Cli("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20", "--quantity", "1t", "--quantity", "20kg");

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.StartsWith("error: --quantity gives two quantities in t (1 t and 20 kg)", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_ConditionDeclaredTwice_IsRefused()
    {
        CliResult r = Hostile.Cli("rate", "8703.23.01.90", "--origin", "JP", "--date", "2025-04-20", "--declare", "us-melted-metal", "--declare", "us-melted-metal");

        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(UserInputs.Conditions.Message(InputSurface.Cli,
            InputMessages.Format(InputMessages.GivenTwice, "us-melted-metal")) + ".")), (r.ExitCode, r.Error));
    }

    [Fact]
    public void DutyFile_TwoQuantitiesInTheSameUnit_IsAnErrorRow()
    {
        string input = _dir.Write("lines.csv", "id,hts10,origin,value,entry_date,quantity1,unit1,quantity2,unit2\na,0402.99.90.00,AR,8000,2025-04-20,10,kg,20,kg\n");

        List<Dictionary<string, string>> rows = Csv.Read(Hostile.Cli("duty", "--file", input).Output);

        Assert.Equal(("error", DutyColumns.Quantity2), (rows[0]["status"], rows[0]["error_field"]));
    }

    [Theory]
    [InlineData("the code 8703.23.01.90", "8703.23.01.90")]
    [InlineData("--origin", "--origin", "JP")]
    [InlineData("--value", "--value", "40000")]
    [InlineData("--date", "--date", "2025-04-20")]
    [InlineData("--quantity", "--quantity", "1kg")]
    [InlineData("--mode", "--mode", "air")]
    [InlineData("--program", "--program", "S")]
    [InlineData("--steel-share", "--steel-share", "0.4")]
    [InlineData("--declare", "--declare", "us-melted-metal")]
    [InlineData("--entry-type", "--entry-type", "formal")]
    public void DutyFile_WithAnOptionOfOneLine_IsRefusedNotIgnored(string named, params string[] extra)
    {
        string input = _dir.Write("lines.csv", $"{Header}\na,{Car}\n");

        CliResult r = Hostile.Cli(["duty", "--file", input, .. extra]);

        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(CliMessages.Format(CliMessages.NotWithFile, named))), (r.ExitCode, r.Error));
    }

    [Theory]
    [InlineData("--compare")]
    [InlineData("--output", "duty.csv")]
    [InlineData("--format", "jsonl")]
    public void Duty_OneLineWithABatchOption_IsRefusedNotIgnored(string option, params string[] value)
    {
        CliResult r = Hostile.Cli(["duty", "8703.23.01.90", "--origin", "JP", "--value", "40000", "--date", "2025-04-20", option, .. value]);

        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(CliMessages.Format(CliMessages.OnlyWithFile, option))), (r.ExitCode, r.Error));
    }

    [Fact]
    public void History_UnknownCode_ExitsThreeNamingTheNearestCode()
    {
        var expected = Assert.Throws<UnknownProductException>(() => Hostile.Data.Engine.Quote(new QuoteRequest
        {
            Product = HtsCode.Parse("0101.99.99.99"), Origin = CountryCode.Parse("JP"), EntryDate = Hostile.Data.Engine.Timeline.First,
        }));

        CliResult r = Hostile.Cli("history", "0101.99.99.99", "--origin", "JP");

        Assert.Equal((ExitCodes.NotFound, Hostile.Error(expected.Message), string.Empty), (r.ExitCode, r.Error, r.Output));
    }

    [Fact]
    public void History_CodeAddedDuringTheRange_IsStillAHistory()
    {
        // 0201.30.50.91 is printed only from 2026: its earlier period says so, and the history is not refused.
        CliResult r = Hostile.Cli("history", "0201.30.50.91", "--origin", "AR", "--json");

        Assert.Equal(ExitCodes.Success, r.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(r.Output);
        JsonElement segments = doc.RootElement.GetProperty("segments");
        Assert.StartsWith("Unknown HTS code 0201.30.50.91 in 2025 Basic", segments[0].GetProperty("problem").GetString(), StringComparison.Ordinal);
        JsonElement last = segments[segments.GetArrayLength() - 1];
        Assert.False(last.TryGetProperty("problem", out JsonElement problem) && problem.ValueKind == JsonValueKind.String, last.ToString());
    }

    [Fact]
    public async Task GetHistory_UnknownCode_Answers404Problem()
    {
        using var web = new HostileWeb();

        using HttpResponseMessage response = await web.CreateClient().GetAsync("/api/v1/history?product=0101.99.99.99&origin=JP",
            TestContext.Current.CancellationToken);
        using JsonDocument problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(web::Levy.Web.Endpoints.ProblemTitles.UnknownCode, problem.RootElement.GetProperty("title").GetString());
        Assert.Equal("product", problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public void DutyFile_FieldsWithBytesThatAreNotUtf8_AreErrorRowsNamingTheColumn()
    {
        byte[] latin1 = Encoding.Latin1.GetBytes($"{Header}\ncafé-1,{Car}\nb,8703.23.01.90,JP\u00ff,40000,2025-04-20\nc,{Car}\n");
        string input = _dir.Write("lines.csv", latin1);

        List<Dictionary<string, string>> rows = Csv.Read(Hostile.Cli("duty", "--file", input).Output);

        Assert.Equal(3, rows.Count);
        Assert.Equal((DutyColumns.Id, InputMessages.NotUtf8), (rows[0]["error_field"], rows[0]["error_reason"]));
        Assert.Equal((DutyColumns.Origin, InputMessages.NotUtf8), (rows[1]["error_field"], rows[1]["error_reason"]));
        Assert.Equal("ok", rows[2]["status"]);
    }

    [Fact]
    public void DataSync_FromAMirrorWithACorruptPolicyFile_RefusesItAndKeepsNothingOfIt()
    {
        string mirror = CopyPolicyFolder("mirror");
        File.WriteAllText(Path.Combine(mirror, "policy", "s232_copper_products.csv"), "hts10,ch99_code\n74061000,9903.78.01\nGARBAGE!,x\n");
        string target = _dir["target"];

        CliResult r = Hostile.CliOwnData("data", "sync", "--from", mirror, "--target", target, "--only", "policy");

        Assert.Equal(ExitCodes.DataError, r.ExitCode);
        Assert.Contains("error: policy/s232_copper_products.csv from ", r.Error, StringComparison.Ordinal);
        Assert.Contains(": Levy cannot read it: s232_copper_products.csv, line 3", r.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(target, "policy", "s232_copper_products.csv")));
        Assert.True(File.Exists(Path.Combine(target, "policy", "s232_semi_products.csv")));
    }

    [Fact]
    public void DataInfoVerify_CorruptPolicyFile_IsReportedNotNoProblemsFound()
    {
        string data = CopyPolicyFolder("data");
        File.WriteAllText(Path.Combine(data, "policy", "s232_copper_products.csv"), "hts10,ch99_code\n74061000,9903.78.01\nGARBAGE!,x\n");

        CliResult r = Hostile.CliOwnData("--data-dir", data, "data", "info", "--verify");

        Assert.Equal(ExitCodes.DataError, r.ExitCode);
        Assert.Equal(Hostile.Error("1 data files are corrupt or differ from manifest.json: policy/s232_copper_products.csv."), r.Error);
        Assert.DoesNotContain("No problems found", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void DataInfo_CorruptManifest_IsAnErrorNotAnAbsentManifest()
    {
        string data = CopyPolicyFolder("data");
        string manifest = Path.Combine(data, DataManifest.FileName);
        File.WriteAllText(manifest, "{\"formatVersion\": 1, \"files\": [");

        CliResult r = Hostile.CliOwnData("--data-dir", data, "data", "info");

        Assert.Equal(ExitCodes.DataError, r.ExitCode);
        Assert.StartsWith($"error: {manifest} is corrupt (not a Levy manifest: ", r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Manifest: none", r.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void DataSync_CorruptManifest_IsRefusedBeforeAnyFileIsFetched()
    {
        string mirror = CopyPolicyFolder("mirror");
        string target = _dir["target"];
        Directory.CreateDirectory(target);
        string manifest = Path.Combine(target, DataManifest.FileName);
        File.WriteAllText(manifest, "not json at all");

        CliResult r = Hostile.CliOwnData("data", "sync", "--from", mirror, "--target", target, "--only", "policy");

        Assert.Equal(ExitCodes.DataError, r.ExitCode);
        Assert.StartsWith($"error: {manifest} is corrupt (", r.Error, StringComparison.Ordinal);
        Assert.Equal([DataManifest.FileName], Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName));
    }

    // A folder holding a copy of the shared data's policy tables (the raw files are copied to a temporary folder, never
    // into the repository).
    private string CopyPolicyFolder(string name)
    {
        string root = _dir[name];
        foreach (string file in Directory.EnumerateFiles(Path.Combine(Hostile.SharedDataFolder, "policy"), "*", SearchOption.AllDirectories))
        {
            string to = Path.Combine(root, "policy", Path.GetRelativePath(Path.Combine(Hostile.SharedDataFolder, "policy"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
            File.SetAttributes(to, FileAttributes.Normal); // the shared files are read-only
        }

        return root;
    }
}
