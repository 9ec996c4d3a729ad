using System.Diagnostics;
using Levy.Cli;
using Levy.HostileInputs.Tests.Support;

namespace Levy.HostileInputs.Tests;

/// <summary>Issue 12, "Crashes on ordinary problems": paths that cannot be read or written, and a web host without data
/// or with a bad setting. Each is a clear error naming the option and the path (exit code 2, 3 or 4 as fits), never
/// exit code 1 with an exception's name, and it comes before any work is done.</summary>
public sealed class CrashTests : IDisposable
{
    private const string Lines = "id,hts10,origin,value,entry_date\na,8703.23.01.90,JP,40000,2025-04-20\n";

    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void DutyFile_Unreadable_ExitsTwoNamingTheFile()
    {
        // Opening /proc/self/mem works for anyone, root included; reading it from its start fails.
        CliResult r = Hostile.Cli("duty", "--file", "/proc/self/mem");

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.StartsWith(Hostile.Error(CliMessages.Format(CliMessages.FileUnreadable, "--file", "/proc/self/mem", string.Empty)).TrimEnd('\n'), r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DutyFile_AFolder_SaysItIsAFolderNotThatItDoesNotExist()
    {
        CliResult r = Hostile.Cli("duty", "--file", _dir.Root);

        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(CliMessages.Format(CliMessages.FileIsFolder, "--file", _dir.Root))), (r.ExitCode, r.Error));
    }

    [Fact]
    public void DutyFile_Missing_ExitsThree()
    {
        CliResult r = Hostile.Cli("duty", "--file", _dir["nothing.csv"]);

        Assert.Equal((ExitCodes.NotFound, Hostile.Error(CliMessages.Format(CliMessages.FileMissing, "--file", _dir["nothing.csv"]))), (r.ExitCode, r.Error));
    }

    [Fact]
    public void DutyOutput_InAMissingFolder_ExitsTwoNamingTheFolder()
    {
        string input = _dir.Write("lines.csv", Lines);
        string output = Path.Combine(_dir.Root, "no", "such", "folder", "duty.csv");

        CliResult r = Hostile.Cli("duty", "--file", input, "--output", output);

        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(CliMessages.Format(CliMessages.OutputFolderMissing, "--output", Path.GetDirectoryName(output)))),
            (r.ExitCode, r.Error));
    }

    [Fact]
    public void DutyOutput_AFolder_ExitsTwo()
    {
        string input = _dir.Write("lines.csv", Lines);

        CliResult r = Hostile.Cli("duty", "--file", input, "--output", _dir.Root);

        Assert.Equal((ExitCodes.InvalidInput, Hostile.Error(CliMessages.Format(CliMessages.OutputIsFolder, "--output", _dir.Root))), (r.ExitCode, r.Error));
    }

    [Fact]
    public void DutyOutput_Unwritable_ExitsTwoNamingThePath()
    {
        string input = _dir.Write("lines.csv", Lines);

        // Nobody, root included, can create a file in /proc.
        CliResult r = Hostile.Cli("duty", "--file", input, "--output", "/proc/duty.csv");

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.StartsWith(Hostile.Error(CliMessages.Format(CliMessages.OutputUnwritable, "--output", "/proc/duty.csv", string.Empty)).TrimEnd('\n'), r.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chart", "history", "8703.23.01.90", "--origin", "JP", "--out", "/proc/chart")]
    [InlineData("chart", "etr", "--country", "JP", "--out", "/proc/chart")]
    [InlineData("panel", "build", "--country", "JP", "--out", "/proc/panel.parquet")]
    [InlineData("etr", "--country", "JP", "--daily", "/proc/etr.csv")]
    public void AnalysisOutput_Unwritable_IsRefusedBeforeAnyWork(params string[] args)
    {
        // No data at all: a command that checked its output after computing would fail on the data (exit code 4) first.
        CliResult r = Hostile.CliOwnData(["--data-dir", _dir.Root, .. args]);

        Assert.Equal(ExitCodes.InvalidInput, r.ExitCode);
        Assert.Matches("^error: --(out|daily): cannot write /proc/", r.Error);
    }

    [Fact]
    public void WebHost_WithoutData_FailsWithOneLineAndExitCodeFour()
    {
        (int code, string error) = WebHost("--data-dir", _dir.Root);

        Assert.Equal(4, code);
        Assert.Equal(1, error.Count(c => c == '\n'));
        Assert.StartsWith($"error: --data-dir {_dir.Root} holds no Levy data", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WebHost_DataDirThatDoesNotExist_FailsWithOneLineAndExitCodeTwo()
    {
        (int code, string error) = WebHost("--data-dir", _dir["missing"]);

        Assert.Equal((2, "error: Levy:DataDir (--data-dir) names a folder that does not exist.\n"), (code, error));
    }

    [Fact]
    public void WebHost_SettingThatIsNotANumber_FailsWithOneLineAndExitCodeTwo()
    {
        (int code, string error) = WebHost("--data-dir", Hostile.SharedDataFolder, "--Levy:MaxSearchResults=lots");

        Assert.Equal((2, "error: the setting Levy:MaxSearchResults = \"lots\" is not a whole number.\n"), (code, error));
    }

    [Fact]
    public void WebHost_SettingOutOfRange_FailsWithOneLineAndExitCodeTwo()
    {
        (int code, string error) = WebHost("--data-dir", Hostile.SharedDataFolder, "--Levy:MaxSearchResults=0");

        Assert.Equal(2, code);
        Assert.Equal(1, error.Count(c => c == '\n'));
        Assert.Contains("MaxSearchResults", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    // Starts the real web host (the built Levy.Web.dll) on a free loopback port and waits for it to fail.
    private static (int Code, string Error) WebHost(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "Levy.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in (string[])[dll, "--urls", "http://127.0.0.1:0", "--Levy:Warmup=false", .. args])
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("LEVY_DATA");
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the web host did not stop on its own within 60 s");
        }

        return (process.ExitCode, error.Result);
    }
}
