using System.Diagnostics;
using System.Text.RegularExpressions;
using Levy.Data;
using Levy.Data.Bundle;

namespace Levy.Cli.Tests;

/// <summary>The installed <c>levy</c> tool (the Native AOT build, with the refund ledger's commands handed to the
/// framework-dependent build beside it) answers every command exactly as the CLI does in-process: same stdout, same exit
/// code, same files. The in-process CLI is what the rest of the suite tests; this proves that trimming and ahead-of-time
/// compilation changed nothing, command by command (docs/install.md).</summary>
/// <remarks><c>LEVY_TOOL</c> names the installed command (<c>./pack-tool.sh</c>, then <c>dotnet tool install levy
/// --tool-path DIR --add-source artifacts</c>); <c>.ci/run</c> does both and sets <c>LEVY_REQUIRE_TOOL=1</c>, which makes
/// its absence a failure. Elsewhere the tests report themselves skipped with that reason. The tool runs in an empty folder
/// with its own home, so it reads the bundle embedded in it, as the in-process side does.</remarks>
public sealed class InstalledToolTests : IDisposable
{
    private const string ToolVariable = "LEVY_TOOL";
    private const string RequireVariable = "LEVY_REQUIRE_TOOL";

    private static readonly Lazy<LevyData> Embedded = new(() =>
        LevyData.Open(DataBundle.Embedded ?? throw new InvalidOperationException("This build embeds no data bundle.")));

    private readonly string _folder = Directory.CreateTempSubdirectory("levy-tool-").FullName;

    /// <summary>Command lines over every command family, text and JSON, answers and errors.</summary>
    public static TheoryData<string> CommandLines { get; } =
    [
        "--version",
        "rate 8703.23.01.90 --origin JP --date 2025-04-20",
        "rate 8703.23.01.90 --origin JP --date 2025-04-20 --json",
        "explain 7407.10.15.00 --origin DE --date 2025-10-01 --copper-share 0.9 --json",
        "rate 8471.80.40.00 --origin KR --date 2026-01-20 --json",
        "rate 9999 --origin JP --json",
        "rate 8703.23.01.90 --origin XX --date 2025-04-20",
        "lookup 8703.23.01.90",
        "lookup 8703.23.01.90 --date 2025-04-20 --json",
        "search copper wire",
        "search copper wire --json",
        "revisions --json",
        "history 8703.23.01.90 --origin JP",
        "history 8703.23.01.90 --origin JP --json",
        "diff 2025_rev_9 2025_rev_10 --json",
        "duty 8703.23.01.90 --origin JP --date 2025-04-20 --value 40000 --json",
        "duty 7407.10.15.00 --origin DE --date 2025-10-01 --value 12000 --copper-share 0.5 --mode vessel",
        "etr --country JP,CN --from 2025-04-01 --to 2025-04-20 --json",
        "scenario list --json",
        "formula --json",
        "data sync --from /nonexistent-levy-mirror",
    ];

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void A_command_answers_as_the_in_process_cli_does(string commandLine)
    {
        string tool = RequireTool();
        string[] args = commandLine.Split(' ');

        Answer installed = RunTool(tool, args);
        Answer inProcess = RunInProcess(args);

        Assert.Equal(inProcess, installed);
        Assert.NotEqual("", installed.Output + installed.Error);
    }

    [Fact]
    public void With_the_official_files_the_tool_reads_them_and_the_rulebook_yaml_as_the_cli_does()
    {
        string tool = RequireTool();
        string folder = TestData.RequireSharedFolder();
        foreach (string commandLine in new[] { "rate 8703.23.01.90 --origin JP --date 2025-04-20 --json", "data info", "history 7407.10.15.00 --origin DE" })
        {
            string[] args = [.. commandLine.Split(' '), "--data-dir", folder];
            Answer inProcess = RunInProcess(args, data: null);

            Assert.Equal(inProcess, RunTool(tool, args));
            Assert.Equal(0, inProcess.ExitCode);
        }
    }

    [Fact]
    public void A_batch_a_panel_and_a_chart_write_the_same_rows_and_files()
    {
        string tool = RequireTool();
        string input = Path.Combine(_folder, "entries.csv");
        File.WriteAllText(input, "hts10,origin,entry_date,value\n8703.23.01.90,JP,2025-04-20,40000\n7407.10.15.00,DE,2025-10-01,5000\n0000,JP,2025-04-20,1\n");

        foreach (string side in new[] { "tool", "cli" })
        {
            string dir = Directory.CreateDirectory(Path.Combine(_folder, side)).FullName;
            string[][] commands =
            [
                ["duty", "--file", input, "--output", Path.Combine(dir, "duties.csv")],
                ["panel", "build", "--country", "JP", "--from", "2025-04-01", "--to", "2025-04-10", "--out", Path.Combine(dir, "panel.parquet")],
                ["chart", "history", "8703.23.01.90", "--origin", "JP", "--out", Path.Combine(dir, "history")],
            ];
            foreach (string[] command in commands)
            {
                Answer answer = side == "tool" ? RunTool(tool, command) : RunInProcess(command);
                Assert.True(answer.ExitCode == 0, $"{side}: levy {string.Join(' ', command)}\n{answer}");
            }
        }

        string Read(string side, string name) => File.ReadAllText(Path.Combine(_folder, side, name));
        Assert.Equal(Read("cli", "duties.csv"), Read("tool", "duties.csv"));
        Assert.Equal(3, Read("tool", "duties.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.Equal(NumberClips(Read("cli", "history.svg")), NumberClips(Read("tool", "history.svg")));

        // The panel files hold the same rows: each side reads the other's file with the same query.
        string[] query = ["panel", "query", "SELECT country, hts10, valid_from, valid_until, total FROM panel ORDER BY ALL", "--json", "--panel"];
        Answer fromTool = RunInProcess([.. query, Path.Combine(_folder, "tool", "panel.parquet")]);
        Answer fromCli = RunTool(tool, [.. query, Path.Combine(_folder, "cli", "panel.parquet")]);
        Assert.Equal(0, fromTool.ExitCode);
        Assert.Equal(Normalize(RunInProcess([.. query, Path.Combine(_folder, "cli", "panel.parquet")]).Output, "cli"), Normalize(fromTool.Output, "tool"));
        Assert.Equal(Normalize(fromTool.Output, "tool"), Normalize(fromCli.Output, "cli"));
    }

    [Fact]
    public void The_refund_ledger_commands_run_in_the_framework_dependent_build_and_answer_alike()
    {
        string tool = RequireTool();
        foreach (string side in new[] { "tool", "cli" })
        {
            string dir = Directory.CreateDirectory(Path.Combine(_folder, side)).FullName;
            string export = Path.Combine(dir, "es003.csv");
            string db = Path.Combine(dir, "ledger.db");
            string[][] commands =
            [
                ["refund", "generate", "--rows", "300", "--seed", "7", "-o", export],
                ["refund", "import", export, "--db", db, "--json"],
                ["refund", "report", "--db", db, "--as-of", "2026-12-01", "--json"],
            ];
            foreach (string[] command in commands)
            {
                Answer answer = side == "tool" ? RunTool(tool, command) : RunInProcess(command);
                Assert.True(answer.ExitCode == 0, $"{side}: levy {string.Join(' ', command)}\n{answer}");
                File.WriteAllText(Path.Combine(dir, command[1] + ".out"), Normalize(answer.Output, side));
            }
        }

        string Read(string side, string name) => File.ReadAllText(Path.Combine(_folder, side, name));
        Assert.Equal(Read("cli", "es003.csv"), Read("tool", "es003.csv"));
        Assert.Equal(Read("cli", "report.out"), Read("tool", "report.out"));
        Assert.Contains("\"ieepaPaid\"", Read("tool", "report.out"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_installed_command_is_the_native_program_with_the_framework_dependent_build_beside_it()
    {
        string tool = RequireTool();
        string program = new FileInfo(tool).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(tool);
        byte[] head = new byte[4];
        using (FileStream file = File.OpenRead(program))
        {
            file.ReadExactly(head);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), head);
        string home = Path.GetDirectoryName(program)!;
        Assert.False(File.Exists(Path.Combine(home, "levy.dll")), "The native package must not carry the managed levy.dll beside the program.");
        Assert.True(File.Exists(Path.Combine(home, JitHandOff.Folder, "levy.dll")), $"No framework-dependent build in {Path.Combine(home, JitHandOff.Folder)}.");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string RequireTool()
    {
        string? tool = Environment.GetEnvironmentVariable(ToolVariable);
        if (tool is { Length: > 0 } && File.Exists(tool))
        {
            return tool;
        }

        string reason = $"The installed levy tool is not named ({ToolVariable}={tool ?? "unset"}), so the native build is not compared with the "
            + "in-process CLI. Pack and install it with `./pack-tool.sh /tmp/levy-art && dotnet tool install levy --tool-path /tmp/levy-tool "
            + $"--add-source /tmp/levy-art`, then set {ToolVariable}=/tmp/levy-tool/levy; .ci/run does so and requires these tests ({RequireVariable}=1).";
        Assert.False(Environment.GetEnvironmentVariable(RequireVariable) == "1", reason);
        Assert.Skip(reason);
        return "";
    }

    private Answer RunTool(string tool, string[] args)
    {
        string home = Directory.CreateDirectory(Path.Combine(_folder, "home")).FullName;
        var start = new ProcessStartInfo(tool)
        {
            WorkingDirectory = Directory.CreateDirectory(Path.Combine(_folder, "cwd")).FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["HOME"] = home;
        start.Environment.Remove("XDG_DATA_HOME");
        start.Environment.Remove("LEVY_DATA");
        start.Environment["NO_COLOR"] = "1";
        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), $"levy {string.Join(' ', args)} did not end in 3 minutes.");
        return new Answer(process.ExitCode, Normalize(output, "tool"), Normalize(error.Result, "tool"));
    }

    /// <summary>Runs the CLI in-process on the embedded bundle, as the tool in its empty folder does, or, with
    /// <paramref name="data"/> null, on the data its arguments name.</summary>
    private Answer RunInProcess(string[] args) => RunInProcess(args, Embedded.Value);

    private Answer RunInProcess(string[] args, LevyData? data)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = LevyCli.Run(args, output, error, data, isTerminal: false, cancellationToken: TestContext.Current.CancellationToken);
        return new Answer(code, Normalize(output.ToString(), "cli"), Normalize(error.ToString(), "cli"));
    }

    /// <summary>The chart's clip-path ids renumbered from 1 in order of appearance: the plotting library counts them per
    /// process, so the in-process side, which has drawn other charts, starts further on.</summary>
    private static string NumberClips(string svg)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return Regex.Replace(svg, @"\bcl_[0-9a-f]+\b", m => "cl_" + (numbers.TryGetValue(m.Value, out int n) ? n : numbers[m.Value] = numbers.Count + 1));
    }

    /// <summary>What differs between two runs and is not the answer: this test's folders, and durations.</summary>
    private string Normalize(string text, string side) =>
        Regex.Replace(text.Replace(Path.Combine(_folder, side), "<dir>", StringComparison.Ordinal).Replace(_folder, "<root>", StringComparison.Ordinal),
            @"\d+(\.\d+)? (s|ms)\b", "<time>");

    private sealed record Answer(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }
}
