using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Levy.Data;
using Levy.Data.Json;
using Levy.Data.Rulebook;
using Spectre.Console;

namespace Levy.Cli;

/// <summary>What every command needs: the output writers, the global options, the data (opened once, on first use), and
/// the renderers for tables and JSON.</summary>
public sealed class CliContext
{
    private readonly Lazy<LevyData> _data;

    /// <summary>Creates a context.</summary>
    /// <param name="output">Where results go (stdout).</param>
    /// <param name="error">Where diagnostics go (stderr).</param>
    /// <param name="dataDir">An explicit data folder, or null to search.</param>
    /// <param name="rulebookDir">An explicit rulebook folder, or null for the embedded rulebook.</param>
    /// <param name="isTerminal">True when stdout is an interactive terminal (colour, progress bars).</param>
    /// <param name="data">Already-opened data to use (tests), or null.</param>
    /// <param name="clock">The clock that says what day it is (the default date, and how old the data is); null for the system clock.</param>
    /// <param name="cancellationToken">Stops a long command between two steps (a batch between two rows), as Ctrl-C does.</param>
    public CliContext(TextWriter output, TextWriter error, string? dataDir, string? rulebookDir, bool isTerminal, LevyData? data = null,
        TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        Clock = clock ?? TimeProvider.System;
        Output = output;
        Error = error;
        IsTerminal = isTerminal;
        CancellationToken = cancellationToken;
        _data = new Lazy<LevyData>(() =>
        {
            if (data is not null)
            {
                return data;
            }

            LevyData opened = LevyData.Open(dataDir, rulebookDir is null ? null : RulebookFiles.FromFolder(rulebookDir));
            foreach (string warning in opened.Warnings)
            {
                error.WriteLine($"warning: {warning}");
            }

            return opened;
        });
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            Console.Profile.Width = 120; // stable layout for pipes, files and tests
        }
    }

    /// <summary>The clock: Levy's answers never read the system clock directly.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Today, by <see cref="Clock"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetLocalNow().Date);

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>True when stdout is a terminal.</summary>
    public bool IsTerminal { get; }

    /// <summary>Stops a long command between two steps, as Ctrl-C does.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The console for human-readable output (tables); writes to <see cref="Output"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>The data, opened on first use.</summary>
    public LevyData Data => _data.Value;

    /// <summary>Options for JSON output: camelCase, enums as strings, indented; types resolved only through the
    /// source-generated <see cref="CliJsonContext"/> (no reflection, so that the CLI runs under Native AOT).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = LevyJson.ConfigureForSourceGeneration(
        new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, TypeInfoResolver = CliJsonContext.Default },
        CliJsonContext.EnumConverters);

    /// <summary>Says, first and in yellow, that an answer may be out of date (nothing when it is not).</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="answer">The answer, with its freshness set.</param>
    internal static void WriteDataNotice(IAnsiConsole console, Levy.Core.Reports.DataAnswer answer)
    {
        if (answer.DataNotice is { } notice)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(notice)}[/]");
        }
    }

    /// <summary>Writes exactly one JSON document to stdout.</summary>
    /// <typeparam name="T">A type listed in <see cref="CliJsonContext"/>.</typeparam>
    /// <param name="value">The value to write.</param>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not listed in <see cref="CliJsonContext"/>.</exception>
    public void WriteJson<T>(T value) => Output.WriteLine(Serialize(value));

    /// <summary>The JSON text of <paramref name="value"/>, through <see cref="JsonOptions"/>' source-generated metadata.</summary>
    internal static string Serialize<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)JsonOptions.GetTypeInfo(typeof(T)));
}

/// <summary>Options every command accepts.</summary>
internal static class GlobalOptions
{
    internal static Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = "Data folder (default: $LEVY_DATA, then ./data, then ../shared/data).",
        Recursive = true,
    };

    internal static Option<string?> Rulebook { get; } = new("--rulebook")
    {
        Description = "Rulebook folder to use instead of the one built into levy (to try an edited rulebook).",
        Recursive = true,
        Hidden = true,
    };

    internal static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Show diagnostics on stderr (timings; stack traces of unexpected failures).",
        Recursive = true,
    };

    internal static Option<bool> Json { get; } = new("--json")
    {
        Description = "Write one JSON document to stdout instead of tables.",
    };
}
