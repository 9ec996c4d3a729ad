using System.CommandLine;
using System.Diagnostics;
using Levy.Core.Inputs;
using Levy.Core.Panels;
using Levy.Core.Reports;
using Spectre.Console;
using PercentText = Levy.Core.Text.PercentText;

namespace Levy.Cli.Commands;

/// <summary><c>levy scenario list</c> and <c>levy scenario compare A B --country JP</c>.</summary>
internal static class ScenarioCommand
{
    private static readonly Argument<string> Baseline = new("baseline") { Description = "The baseline: 'actual' or a scenario name." };

    private static readonly Argument<string> Alternative = new("scenario") { Description = "The scenario to compare with it." };

    private static readonly Option<int> Top = CliInputs.Integer(UserInputs.Top, "How many products and chapters to show.", 15);

    internal static Command Create(Func<ParseResult, CliContext> context)
    {
        var list = new Command("list", "The scenarios of the rulebook (rulebook/scenarios/*.yaml), with what each changes.") { GlobalOptions.Json };
        list.SetAction(parse => RunList(context(parse), parse));
        var compare = new Command("compare", "How a scenario changes the rates on a country's goods: per product, per HS chapter, and in the aggregate (levy scenario compare actual japan-no-deal --country JP).")
        {
            Baseline, Alternative, AnalysisOptions.Countries, AnalysisOptions.From, AnalysisOptions.To, AnalysisOptions.Weights, AnalysisOptions.NoUsmca, Top,
            GlobalOptions.Json,
        };
        compare.SetAction(parse => RunCompare(context(parse), parse));
        return new Command("scenario", "Scenarios: small documented overlays on the rulebook (docs/scenarios.md).") { list, compare };
    }

    private static int RunList(CliContext cli, ParseResult parse)
    {
        var scenarios = cli.Data.ScenarioNames.Select(n => cli.Data.ScenarioEngine(n).Scenario).ToList();
        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(scenarios.Select(s => new ScenarioEntryView(s.Name, s.Title, s.Summary, s.Sources, s.Changes)).ToList());
            return ExitCodes.Success;
        }

        foreach (var s in scenarios)
        {
            cli.Console.MarkupLine($"[bold]{Markup.Escape(s.Name)}[/]: {Markup.Escape(s.Title)}");
            foreach (string change in s.Changes)
            {
                cli.Console.MarkupLine($"  - {Markup.Escape(change)}");
            }
        }

        return ExitCodes.Success;
    }

    private static int RunCompare(CliContext cli, ParseResult parse)
    {
        var clock = Stopwatch.StartNew();
        string a = parse.GetValue(Baseline)!, b = parse.GetValue(Alternative)!;
        var baseline = AnalysisOptions.EngineOf(cli, a);
        var scenario = AnalysisOptions.EngineOf(cli, b);
        (DateOnly from, DateOnly to) = AnalysisOptions.Dates(cli, parse);
        var countries = AnalysisOptions.Groups(cli, parse, null).SelectMany(g => g.Members).Distinct().Order().ToList();
        var request = new PanelRequest { Countries = [.. countries], From = from, To = to, Preferences = AnalysisOptions.PreferencesOf(cli, parse) };
        ScenarioComparison result = ScenarioComparison.Run(baseline, scenario, request, AnalysisOptions.ImportWeightsOf(cli, parse));
        int top = parse.GetValue(Top);
        ScenarioComparisonReport report = ScenarioComparisonReport.Create(result, a, b, seconds: Math.Round(clock.Elapsed.TotalSeconds, 1));
        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(report);
            return ExitCodes.Success;
        }

        cli.Console.MarkupLine($"[bold]{Markup.Escape(b)}[/] against [bold]{Markup.Escape(a)}[/] for {Markup.Escape(string.Join(", ", countries))}, {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (mean rate over the days, {(parse.GetValue(AnalysisOptions.Weights) is null ? "each product weighing the same" : "products weighted by imports")}):");
        cli.Console.MarkupLine($"  All products: {PercentText.Fixed(result.BaselineMean)} -> {PercentText.Fixed(result.ScenarioMean)} ({Signed(result.ScenarioMean - result.BaselineMean)}); {report.ProductsChanged:N0} of {report.ProductsCompared:N0} products change" +
            (report.DifferentFrom is not { } firstDifferent ? "; no day differs." : $", on days from {firstDifferent:yyyy-MM-dd} to {report.DifferentUntil:yyyy-MM-dd}."));
        var chapters = new Table().Border(TableBorder.Simple).Title("By HS chapter (largest changes)").AddColumn("Chapter").AddColumn(new TableColumn("Products").RightAligned())
            .AddColumn(new TableColumn("Changed").RightAligned()).AddColumn(new TableColumn(a).RightAligned()).AddColumn(new TableColumn(b).RightAligned()).AddColumn(new TableColumn("Difference").RightAligned());
        foreach (ChapterDifference c in result.Chapters.OrderByDescending(c => Math.Abs(c.Difference)).ThenBy(c => c.Chapter).Take(top))
        {
            chapters.AddRow($"{c.Chapter:00}", $"{c.Products:N0}", $"{c.Changed:N0}", PercentText.Fixed(c.Baseline), PercentText.Fixed(c.Scenario), Signed(c.Difference));
        }

        cli.Console.Write(chapters);
        var products = new Table().Border(TableBorder.Simple).Title("By product (largest changes)").AddColumn("HTS").AddColumn(new TableColumn(a).RightAligned())
            .AddColumn(new TableColumn(b).RightAligned()).AddColumn(new TableColumn("Difference").RightAligned());
        foreach (ProductDifference p in report.Products.Take(top))
        {
            products.AddRow(p.Product.ToString(), PercentText.Fixed(p.Baseline), PercentText.Fixed(p.Scenario), Signed(p.Difference));
        }

        cli.Console.Write(products);
        cli.Console.MarkupLine($"({report.Seconds:0.0} s)");
        return ExitCodes.Success;
    }

    private static string Signed(double fraction) => AnalysisOptions.Points(fraction);
}

/// <summary>One scenario in <c>levy scenario list --json</c>.</summary>
/// <param name="Name">The name <c>--scenario</c> takes.</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Summary">What the scenario supposes.</param>
/// <param name="Sources">Where its figures come from.</param>
/// <param name="Changes">What it changes in the rulebook, one line each.</param>
internal sealed record ScenarioEntryView(string Name, string Title, string Summary, IReadOnlyList<string> Sources, IReadOnlyList<string> Changes);
