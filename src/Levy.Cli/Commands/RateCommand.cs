using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Inputs;
using Levy.Core.Primitives;
using Levy.Core.Reports;
using Levy.Data.Rulebook;
using Spectre.Console;
using PercentText = Levy.Core.Text.PercentText;

namespace Levy.Cli.Commands;

/// <summary><c>levy rate CODE --origin C --date D</c>: what the United States charges, component by component, and why.</summary>
internal static class RateCommand
{
    internal static readonly Argument<string> Code = new("code") { Description = "HTS code of the goods (8 or 10 digits, dots optional)." };

    internal static readonly Option<string> Origin = new("--origin", "-o")
    {
        Description = "Country of origin: ISO code (JP), name (Japan) or Census code (5880).",
        Required = true,
    };

    internal static readonly Option<string?> Program = new("--program", "-p")
    {
        Description = "Special Program Indicator claimed (S = USMCA, KR = KORUS, JP, AU, P = CAFTA-DR…).",
    };

    internal static readonly Option<string?> Loaded = new("--loaded")
    {
        Description = "Date the goods were loaded for export (yyyy-MM-dd), for the in-transit exceptions.",
    };

    internal static readonly Option<decimal?> Value = CliInputs.Number(UserInputs.CustomsValue,
        "Customs value in USD (40000, 40,000 or $40,000; at most 1,000,000,000,000): needed to measure specific duties against the 15% floors.");

    internal static readonly Option<string[]> Quantity = new("--quantity", "-q")
    {
        Description = "Quantity with its unit, e.g. 1000kg or \"12 doz.\" (repeatable).",
        AllowMultipleArgumentsPerToken = false,
    };

    internal static readonly Option<decimal?> SteelShare = CliInputs.Number(UserInputs.SteelShare, "Steel content as a share of value (0-1, or 40%).");

    internal static readonly Option<decimal?> AluminumShare = CliInputs.Number(UserInputs.AluminumShare, "Aluminum content as a share of value (0-1, or 40%).");

    internal static readonly Option<decimal?> CopperShare = CliInputs.Number(UserInputs.CopperShare, "Copper content as a share of value (0-1, or 40%).");

    internal static readonly Option<decimal?> UsContent = CliInputs.Number(UserInputs.UsContentShare, "U.S. content as a share of value (0-1, or 40%).");

    internal static readonly Option<string[]> Declare = new("--declare")
    {
        Description = "A condition the importer certifies (us-melted-metal, metal-under-15pct-weight, semiconductor-end-use, semiconductor-below-thresholds, civil-aircraft, not-a-vehicle-part); repeatable.",
    };

    internal static readonly Option<bool> Additive = new("--additive")
    {
        Description = "Add every applicable measure on the full value, ignoring the non-stacking rules (for comparison).",
    };

    internal static Command Create(Func<ParseResult, CliContext> context, string name = "rate", bool explain = false)
    {
        var command = new Command(name, explain
            ? "Like `levy rate`, with every rule consulted (the measures considered, the slots, the texts read)."
            : "What the US charges on a product from a country on a date: each duty with its Chapter 99 heading and legal citation.")
        {
            Code, Origin, RevisionOption.Date, Program, Loaded, Value, Quantity, SteelShare, AluminumShare, CopperShare, UsContent, Declare, Additive,
            AnalysisOptions.Scenario, GlobalOptions.Json,
        };
        command.SetAction(parse => Run(context(parse), parse, explain));
        return command;
    }

    /// <summary>Builds a quote request from the options shared by rate, history and duty.</summary>
    internal static QuoteRequest Request(CliContext cli, ParseResult parse, DateOnly date)
    {
        HtsCode product = CliInputs.Code(UserInputs.Product, parse.GetValue(Code)!);
        Country origin = cli.Data.Countries.Resolve(parse.GetValue(Origin));
        return new QuoteRequest
        {
            Product = product,
            Origin = origin.Iso,
            EntryDate = date,
            LoadingDate = parse.GetValue(Loaded) is { } l ? CliInputs.Date(UserInputs.LoadingDate, l) : null,
            ClaimedProgram = parse.GetValue(Program) is { } p ? CliInputs.Program(UserInputs.Program, p) : null,
            CustomsValue = parse.GetValue(Value),
            Quantities = [.. CliInputs.Quantities(parse.GetValue(Quantity))],
            Metal = new MetalContent(parse.GetValue(SteelShare), parse.GetValue(AluminumShare), parse.GetValue(CopperShare)),
            UsContentShare = parse.GetValue(UsContent),
            Conditions = [.. CliInputs.Conditions(parse.GetValue(Declare))],
            Stacking = parse.GetValue(Additive) ? StackingMode.Additive : StackingMode.Legal,
        };
    }

    private static int Run(CliContext cli, ParseResult parse, bool explain)
    {
        DateOnly date = RevisionOption.DateOrToday(cli, parse);
        string scenario = parse.GetValue(AnalysisOptions.Scenario)!;
        RateQuote quote = AnalysisOptions.EngineOf(cli, scenario).Quote(Request(cli, parse, date) with { Trace = explain || parse.GetValue(GlobalOptions.Verbose) });
        QuoteView view = (QuoteView.From(quote, cli.Data.Countries) with { Scenario = scenario })
            .WithFreshness(cli.Data.Catalogue.Freshness(date, cli.Today, quote.Revision));
        if (parse.GetValue(GlobalOptions.Json))
        {
            cli.WriteJson(explain || parse.GetValue(GlobalOptions.Verbose) ? view : view with { Trace = null });
            return ExitCodes.Success;
        }

        Render(cli.Console, view, explain || parse.GetValue(GlobalOptions.Verbose));
        return ExitCodes.Success;
    }

    internal static void Render(IAnsiConsole console, QuoteView v, bool trace)
    {
        CliContext.WriteDataNotice(console, v);

        if (v.Scenario is { } name && name != PolicyRulebookReader.Actual)
        {
            console.MarkupLine($"[yellow]Scenario {Markup.Escape(name)}[/]: what the duty would be under this rulebook, not what was charged.");
        }

        console.MarkupLine($"[bold]{v.Product}[/] from [bold]{Markup.Escape(v.OriginName)}[/] ({v.Origin}), entered {v.EntryDate:yyyy-MM-dd} — HTS {Markup.Escape(v.RevisionName)}");
        console.WriteLine(v.Description);
        foreach (ChoiceView c in v.Choices)
        {
            console.MarkupLine($"[yellow]Choice:[/] {Markup.Escape(ChoiceText(c))}");
        }

        console.WriteLine();
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Heading").AddColumn("Authority").AddColumn("Program").AddColumn(new TableColumn("Rate").RightAligned()).AddColumn("As printed");
        foreach (ComponentView c in v.Components)
        {
            table.AddRow(
                c.Heading ?? v.Product,
                Authorities.NameOf(c.Authority),
                Markup.Escape(c.Program),
                c.Percent is { } p ? PercentText.OfPercent(p, 3) : "?",
                Markup.Escape(Shorten(c.PrintedRate, 60)));
        }

        table.AddRow(string.Empty, string.Empty, "[bold]Total[/]", v.TotalPercent is { } t ? $"[bold]{PercentText.OfPercent(t, 3)}[/]" : "[bold]?[/]", string.Empty);
        console.Write(table);
        if (v.Chapter99.Count > 0)
        {
            console.WriteLine($"Declare: {string.Join(" + ", v.Chapter99)} + {v.Product}");
        }

        console.WriteLine();
        foreach (ComponentView c in v.Components)
        {
            console.WriteLine($"• {c.Heading ?? v.Product}: {c.Explanation}");
            if (!string.IsNullOrWhiteSpace(c.Citation))
            {
                console.WriteLine($"  Source: {c.Citation}");
            }
        }

        WriteList(console, "Considered, not applied:", v.NotApplied.Select(n => $"{n.Heading ?? n.Measure}: {n.Reason}"));
        WriteList(console, "Assumed:", v.Assumptions);

        if (trace && v.Trace is { } rules)
        {
            console.WriteLine();
            console.WriteLine("Rules consulted:");
            foreach (string r in rules)
            {
                console.WriteLine($"  · {r}");
            }
        }
    }

    /// <summary>A choice in a sentence: what was assumed, at what total, and what certifying the fact would give.</summary>
    internal static string ChoiceText(ChoiceView c) =>
        $"{(c.AssumedPercent is { } a ? PercentText.OfPercent(a, 3) : "?")} as quoted, which assumes the importer does not certify: {c.Description} "
        + $"Certified (--declare {c.Condition}): {(c.DeclaredPercent is { } d ? PercentText.OfPercent(d, 3) : "?")} ({c.Source}).";

    /// <summary>A titled list after a blank line, or nothing when the list is empty.</summary>
    private static void WriteList(IAnsiConsole console, string title, IEnumerable<string> items)
    {
        bool first = true;
        foreach (string item in items)
        {
            if (first)
            {
                console.WriteLine();
                console.WriteLine(title);
                first = false;
            }

            console.WriteLine($"  – {item}");
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
