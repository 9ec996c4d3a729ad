using System.CommandLine;
using System.Globalization;
using Levy.Analysis.Charts;
using Levy.Core.Calculation;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Levy.Data;
using Levy.Data.Trade;
using Spectre.Console;

namespace Levy.Cli.Commands;

/// <summary>Options and helpers shared by the analysis commands (<c>panel</c>, <c>etr</c>, <c>chart</c>, <c>scenario</c>).</summary>
internal static class AnalysisOptions
{
    /// <summary>Where output files go by default (git-ignored).</summary>
    internal const string OutFolder = "out";

    internal static readonly Option<string?> From = new("--from") { Description = "First day (yyyy-MM-dd; default: the first day of the data, 2025-01-01)." };

    internal static readonly Option<string?> To = new("--to") { Description = "Last day (yyyy-MM-dd; default: the end of the data)." };

    internal static readonly Option<string?> Countries = new("--country", "-c")
    {
        Description = "Countries or groups, comma-separated: ISO codes (JP), Census codes (5880), names, groups (EU) or 'all' (default: all partners).",
    };

    internal static readonly Option<string> Scenario = new("--scenario")
    {
        Description = "The rulebook to use: 'actual' (default) or a scenario of rulebook/scenarios (levy scenario list).",
        DefaultValueFactory = _ => Levy.Data.Rulebook.PolicyRulebookReader.Actual,
    };

    internal static readonly Option<bool> NoUsmca = new("--no-usmca")
    {
        Description = "Quote Canada and Mexico without any USMCA claim (default: blend with the 2025 USMCA utilisation of each HTS-10, policy/usmca_product_shares_2025.csv).",
    };

    internal static readonly Option<string?> Weights = new("--weights")
    {
        Description = "Import weights: CSV with columns hts10, cty_code (or iso2), value (docs/etr.md). Means become import-weighted.",
    };

    internal static readonly Option<string?> UnitValues = new("--unit-values")
    {
        Description = "Unit values: CSV with columns hts10, unit, usd_per_unit, source (docs/panel.md). Specific and compound ordinary rates then get estimated ad valorem equivalents (flagged ave_estimated) instead of counting their specific part as 0.",
    };

    internal static readonly Option<bool> CountryWeights = new("--country-weights")
    {
        Description = "Weight the countries of a group (EU, all) by their 2024 imports (trade/us_imports_2024_by_country_census.csv) instead of pooling their product pairs.",
    };

    /// <summary>The date range of the options, within the data.</summary>
    internal static (DateOnly From, DateOnly To) Dates(CliContext cli, ParseResult parse)
    {
        TariffEngine engine = cli.Data.Engine;
        DateOnly from = parse.GetValue(From) is { } f ? RevisionOption.ParseDate(f, "--from") : engine.Timeline.First;
        DateOnly to = parse.GetValue(To) is { } t ? RevisionOption.ParseDate(t, "--to") : engine.Timeline.Horizon;
        if (to < from)
        {
            throw new CliException(ExitCodes.InvalidInput, $"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}.");
        }

        engine.Timeline.ForDate(from);
        engine.Timeline.ForDate(to);
        return (from, to);
    }

    /// <summary>The groups named by <c>--country</c> (default: all partners as one group).</summary>
    internal static IReadOnlyList<SeriesGroup> Groups(CliContext cli, ParseResult parse, CountryWeights? weights)
    {
        string text = parse.GetValue(Countries) ?? "all";
        var groups = new List<SeriesGroup>();
        foreach (string item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (item.Equals("all", StringComparison.OrdinalIgnoreCase))
            {
                groups.Add(new SeriesGroup("all partners", cli.Data.Countries.Partners.Select(c => c.Iso), weights));
            }
            else if (cli.Data.Countries.GroupMembers(item) is { IsEmpty: false } members)
            {
                groups.Add(new SeriesGroup(item.ToUpperInvariant(), members, weights));
            }
            else if (cli.Data.Countries.Resolve(item).Iso is var iso && cli.Data.Countries.IsDomestic(iso))
            {
                throw new CliException(ExitCodes.InvalidInput, $"--country {item}: {iso} is the customs territory itself; its goods are not imports, so it has no panel or effective rate.");
            }
            else
            {
                groups.Add(new SeriesGroup(iso.Value, [iso]));
            }
        }

        return groups.Count > 0 ? groups : throw new CliException(ExitCodes.InvalidInput, "--country names no country.");
    }

    /// <summary>The country weights if <c>--country-weights</c> is set.</summary>
    internal static CountryWeights? CountryWeightsOf(CliContext cli, ParseResult parse) =>
        parse.GetValue(CountryWeights) ? TradeTables.ReadCountryImports(cli.Data.Files, cli.Data.Countries) : null;

    /// <summary>The import weights of <c>--weights</c>, if given.</summary>
    internal static ImportWeights? ImportWeightsOf(CliContext cli, ParseResult parse) =>
        parse.GetValue(Weights) is { } path ? TradeTables.ReadImportWeights(path, cli.Data.Countries) : null;

    /// <summary>The unit values of <c>--unit-values</c>, if given.</summary>
    internal static UnitValues? UnitValuesOf(ParseResult parse)
    {
        if (parse.GetValue(UnitValues) is not { } path)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.NotFound, $"--unit-values: {path} does not exist.");
        }

        try
        {
            return TradeTables.ReadUnitValues(path);
        }
        catch (Levy.Data.Tables.CsvDataException ex)
        {
            throw new CliException(ExitCodes.InvalidInput, $"--unit-values: {ex.Message}");
        }
    }

    /// <summary>The USMCA shares unless <c>--no-usmca</c>.</summary>
    internal static PreferenceShares? PreferencesOf(CliContext cli, ParseResult parse) =>
        parse.GetValue(NoUsmca) ? null : TradeTables.ReadUsmcaShares(cli.Data.Files, cli.Data.Countries);

    /// <summary>The engine of <c>--scenario</c>.</summary>
    internal static TariffEngine EngineOf(CliContext cli, ParseResult parse) => EngineOf(cli, parse.GetValue(Scenario)!);

    /// <summary>The engine of a scenario name, with the error a user can act on.</summary>
    internal static TariffEngine EngineOf(CliContext cli, string name)
    {
        try
        {
            return cli.Data.ScenarioEngine(name).Engine;
        }
        catch (KeyNotFoundException ex)
        {
            throw new CliException(ExitCodes.NotFound, ex.Message);
        }
    }

    /// <summary>Builds a panel into a sink, with a progress bar on stderr when it is a terminal.</summary>
    internal static PanelSummary Build(CliContext cli, TariffEngine engine, PanelRequest request, IPanelSink sink, string description)
    {
        var builder = new PanelBuilder(engine);
        if (!cli.IsTerminal || Console.IsErrorRedirected)
        {
            return builder.Build(request, sink);
        }

        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(cli.Error) });
        PanelSummary? summary = null;
        console.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                ProgressTask task = ctx.AddTask(description, maxValue: 1);
                summary = builder.Build(request, sink, new Reporter(p =>
                {
                    task.MaxValue = p.Products;
                    task.Value = p.ProductsDone;
                }));
            });
        return summary!;
    }

    /// <summary>The policy events of the revision table within a range, for charts.</summary>
    internal static IReadOnlyList<ChartEvent> Events(LevyData data, DateOnly from, DateOnly to)
    {
        var events = new List<ChartEvent>();
        foreach (var (date, revision, _) in data.Engine.Timeline.Entries)
        {
            string? text = data.Catalogue.Revisions.FirstOrDefault(r => r.Id == revision)?.PolicyEvent;
            if (date < from || date > to || string.IsNullOrWhiteSpace(text) || text == "NA")
            {
                continue;
            }

            string label = text.Split(['(', ';'], 2)[0].Trim();
            events.Add(new ChartEvent(date, label.Length > 48 ? label[..47] + "…" : label));
        }

        return events;
    }

    /// <summary>A difference of rates in percentage points, signed (<c>+5.00 pts</c>).</summary>
    internal static string Points(double fraction)
    {
        double points = Math.Round(fraction * 100d, 2);
        return points == 0d ? "0.00 pts" : points.ToString("+0.00;-0.00", CultureInfo.InvariantCulture) + " pts";
    }

    /// <summary>A file in the output folder, which is created.</summary>
    /// <exception cref="CliException">The folder cannot be created (exit code 2).</exception>
    internal static string OutPath(string? given, string defaultName)
    {
        string path = given ?? Path.Combine(OutFolder, defaultName);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        try
        {
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.InvalidInput, CliMessages.Format(CliMessages.OutputUnwritable, "--out", path, OutputFile.Reason(ex)));
        }

        return path;
    }

    /// <summary>Reports progress on the calling thread.</summary>
    private sealed class Reporter(Action<PanelProgress> report) : IProgress<PanelProgress>
    {
        public void Report(PanelProgress value) => report(value);
    }
}
