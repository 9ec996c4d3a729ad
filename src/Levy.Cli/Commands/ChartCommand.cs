using System.CommandLine;
using Levy.Core.Inputs;
using Levy.Analysis.Charts;
using Levy.Core.Calculation;
using Levy.Core.Panels;
using Spectre.Console;
using Levy.Core.Primitives;

namespace Levy.Cli.Commands;

/// <summary><c>levy chart etr</c> and <c>levy chart history</c>: PNG and SVG line charts with the policy events marked.</summary>
internal static class ChartCommand
{
    private static readonly Option<string?> Out = new("--out")
    {
        Description = "The file name without extension; .png and .svg are written (default: out/etr-<countries> or out/history-<code>-<origin>).",
    };

    private static readonly Option<string?> Panel = new("--panel") { Description = "Read the rows from a panel file instead of computing them." };

    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var etr = new Command("etr", "Chart the daily effective tariff rate of countries or groups (levy chart etr --country JP,CN,CA,MX,EU).")
        {
            AnalysisOptions.Countries, AnalysisOptions.From, AnalysisOptions.To, AnalysisOptions.Weights, AnalysisOptions.CountryWeights, Panel,
            AnalysisOptions.Scenario, AnalysisOptions.NoUsmca, AnalysisOptions.UnitValues, Out,
        };
        etr.SetAction(parse => RunEtr(context(parse), parse));
        var history = new Command("history", "Chart the duty on one product from one country over 2025-2026, by authority (levy chart history 8703.23.01.90 --origin JP).")
        {
            RateCommand.Code, RateCommand.Origin, AnalysisOptions.From, AnalysisOptions.To, RateCommand.Program, AnalysisOptions.Scenario, Out,
        };
        history.SetAction(parse => RunHistory(context(parse), parse));
        return new Command("chart", "Line charts (PNG and SVG) of effective rates and of one product's history, with the policy events marked.") { etr, history };
    }

    private static int RunEtr(CliContext cli, ParseResult parse)
    {
        // A given --out is checked before the series are computed (seconds of work); the default name needs the series.
        using Outputs? given = parse.GetValue(Out) is { } o ? Outputs.Prepare(AnalysisOptions.OutPath(o, o)) : null;
        (IReadOnlyList<RateSeries> series, _) = EtrCommand.Series(cli, parse, parse.GetValue(Panel));
        string name = string.Join("-", series.Select(s => s.Name.Replace(' ', '_')));
        using Outputs files = given ?? Outputs.Prepare(AnalysisOptions.OutPath(null, $"etr-{name}"));
        string scenario = parse.GetValue(AnalysisOptions.Scenario)!;
        string title = $"Effective US tariff rate{(scenario == "actual" ? string.Empty : $" (scenario {scenario})")}: {string.Join(", ", series.Select(s => s.Name))}";
        RateCharts.WriteSeries(series, AnalysisOptions.Events(cli.Data, series[0].From, series[0].To), title, files.Png.WriteTo, files.Svg.WriteTo);
        files.Commit();
        cli.Console.MarkupLine($"Wrote [bold]{Markup.Escape(files.Stem)}.png[/] and [bold]{Markup.Escape(files.Stem)}.svg[/].");
        return ExitCodes.Success;
    }

    private static int RunHistory(CliContext cli, ParseResult parse)
    {
        using Outputs? given = parse.GetValue(Out) is { } o ? Outputs.Prepare(AnalysisOptions.OutPath(o, o)) : null;
        TariffEngine engine = AnalysisOptions.EngineOf(cli, parse);
        (DateOnly from, DateOnly to) = AnalysisOptions.Dates(cli, parse);
        QuoteRequest template = RateCommand.Request(cli, parse, from);
        IReadOnlyList<HistorySegment> segments = engine.History(template, from, to);
        // An authority's component is drawn when every part of it is known; a specific ordinary rate without a value leaves
        // the total and the MFN line out, but the Chapter 99 duties charged on value still show.
        var steps = segments.Select(s => new HistoryStep(s.From, s.Until!.Value.AddDays(-1), s.Quote?.TotalAdValorem is { } t ? (double)t : null,
            s.Quote is not { } q ? new Dictionary<Authority, double>()
                : Enum.GetValues<Authority>().Where(a => q.Components.Where(c => c.Authority == a).All(c => c.AdValorem is not null))
                    .ToDictionary(a => a, a => (double)q.Components.Where(c => c.Authority == a).Sum(c => c.AdValorem!.Value)))).ToList();
        using Outputs files = given ?? Outputs.Prepare(AnalysisOptions.OutPath(null, $"history-{template.Product.Digits}-{template.Origin}"));
        string country = cli.Data.Countries.FindByIso(template.Origin)!.Name;
        // Only the events on which this product's answer changes: the others say nothing about it.
        var changes = steps.Skip(1).Select(s => s.From).ToHashSet();
        IReadOnlyList<ChartEvent> events = [.. AnalysisOptions.Events(cli.Data, from, to).Where(e => changes.Contains(e.Date))];
        RateCharts.WriteHistory(steps, events, $"{template.Product} from {country}", files.Png.WriteTo, files.Svg.WriteTo);
        files.Commit();
        cli.Console.MarkupLine($"Wrote [bold]{Markup.Escape(files.Stem)}.png[/] and [bold]{Markup.Escape(files.Stem)}.svg[/] ({steps.Count} periods).");
        return ExitCodes.Success;
    }

    /// <summary>The two files of a chart, <c>STEM.png</c> and <c>STEM.svg</c>, checked before the chart is computed and
    /// replaced together only when both were written.</summary>
    private sealed class Outputs(string stem, OutputFile png, OutputFile svg) : IDisposable
    {
        public string Stem => stem;

        public OutputFile Png => png;

        public OutputFile Svg => svg;

        public static Outputs Prepare(string stem)
        {
            OutputFile png = OutputFile.Prepare(stem + ".png", "--out");
            try
            {
                return new Outputs(stem, png, OutputFile.Prepare(stem + ".svg", "--out"));
            }
            catch
            {
                png.Dispose();
                throw;
            }
        }

        public void Commit()
        {
            png.Commit();
            svg.Commit();
        }

        public void Dispose()
        {
            png.Dispose();
            svg.Dispose();
        }
    }
}
