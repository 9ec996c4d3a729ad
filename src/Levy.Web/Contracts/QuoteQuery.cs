using System.Collections.Frozen;
using System.ComponentModel;
using System.Reflection;
using Levy.Core.Inputs;
using Microsoft.AspNetCore.Mvc;

namespace Levy.Web.Contracts;

/// <summary>The query of <c>GET /api/v1/quote</c>. Values travel as text and are checked by the endpoint, so that a bad
/// value gets a problem document naming the parameter.</summary>
public sealed record QuoteQuery
{
    /// <summary>Each parameter's value by its name in the query (the <see cref="FromQueryAttribute"/> names, which are the
    /// <see cref="InputField.Api"/> names of the input table), repeated values joined with commas.</summary>
    private static readonly FrozenDictionary<string, Func<QuoteQuery, string?>> ByParameter = typeof(QuoteQuery)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name is not null)
        .ToFrozenDictionary(
            p => p.GetCustomAttribute<FromQueryAttribute>()!.Name!,
            p => p.PropertyType == typeof(string[])
                ? (Func<QuoteQuery, string?>)(q => string.Join(",", (string[]?)p.GetValue(q) ?? []))
                : q => (string?)p.GetValue(q),
            StringComparer.Ordinal);

    /// <summary>The text given for an input (by its API name), repeated values joined with commas; null when not given or
    /// when the quote query has no such parameter.</summary>
    internal string? Given(InputField input) =>
        input.Api is { } name && ByParameter.TryGetValue(name, out Func<QuoteQuery, string?>? get) ? get(this) : null;

    /// <summary>The HTS code of the goods.</summary>
    [FromQuery(Name = "product"), Description("HTS code of the goods: 8703.23.01.90 (10 digits; an 8-digit line is accepted).")]
    public string? Product { get; init; }

    /// <summary>The country of origin.</summary>
    [FromQuery(Name = "origin"), Description("Country of origin: ISO code (JP), name (Japan) or Census code (5880).")]
    public string? Origin { get; init; }

    /// <summary>The date of entry.</summary>
    [FromQuery(Name = "date"), Description("Date of entry (yyyy-MM-dd). Default: today.")]
    public string? Date { get; init; }

    /// <summary>The Special Program Indicator claimed.</summary>
    [FromQuery(Name = "program"), Description("Special Program Indicator claimed (S for USMCA, KR, AU, JP…). Default: none.")]
    public string? Program { get; init; }

    /// <summary>The date the goods were loaded, for the in-transit exceptions.</summary>
    [FromQuery(Name = "loadingDate"), Description("Date the goods were loaded for export (yyyy-MM-dd), for the in-transit exceptions.")]
    public string? LoadingDate { get; init; }

    /// <summary>The customs value in USD.</summary>
    [FromQuery(Name = "value"), Description("Customs value in USD, to turn specific duties into percentages.")]
    public string? Value { get; init; }

    /// <summary>How the goods arrived.</summary>
    [FromQuery(Name = "mode"), Description("How the goods arrived: vessel, air, truck, rail, mail or other.")]
    public string? Mode { get; init; }

    /// <summary>The U.S.-content share.</summary>
    [FromQuery(Name = "usContent"), Description("Share of the value that is U.S. content, 0 to 1.")]
    public string? UsContent { get; init; }

    /// <summary>The steel share.</summary>
    [FromQuery(Name = "steel"), Description("Share of the value that is steel, 0 to 1. Default: the data's estimate.")]
    public string? Steel { get; init; }

    /// <summary>The aluminum share.</summary>
    [FromQuery(Name = "aluminum"), Description("Share of the value that is aluminum, 0 to 1. Default: the data's estimate.")]
    public string? Aluminum { get; init; }

    /// <summary>The copper share.</summary>
    [FromQuery(Name = "copper"), Description("Share of the value that is copper, 0 to 1. Default: the data's estimate.")]
    public string? Copper { get; init; }

    /// <summary>Quantities in the units of the rate texts.</summary>
    [FromQuery(Name = "quantity"), Description("Quantity with its unit, for specific duties: 1000kg, 12 doz. (repeatable).")]
    public string[]? Quantity { get; init; }

    /// <summary>Conditions the importer certifies.</summary>
    [FromQuery(Name = "declare"), Description("A condition the importer certifies: us-melted-metal, metal-under-15pct-weight, semiconductor-end-use, civil-aircraft (repeatable).")]
    public string[]? Declare { get; init; }

    /// <summary>Whether to include the trace of rules consulted.</summary>
    [FromQuery(Name = "explain"), Description("true to include every rule consulted (trace). Default: false.")]
    public string? Explain { get; init; }

    /// <summary>How the authorities combine.</summary>
    [FromQuery(Name = "stacking"), Description("legal (default: as the law says) or additive (every measure added up, for comparison).")]
    public string? Stacking { get; init; }

    /// <summary>The rulebook to answer under.</summary>
    [FromQuery(Name = "scenario"), Description("The rulebook: actual (default: what happened) or a scenario of GET /api/v1/scenarios, such as japan-no-deal. In /api/v1/scenarios/compare: the one compared with base (required).")]
    public string? Scenario { get; init; }
}
