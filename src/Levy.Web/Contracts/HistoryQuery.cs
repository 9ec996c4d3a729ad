using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace Levy.Web.Contracts;

/// <summary>The query of <c>GET /api/v1/history</c>.</summary>
public sealed record HistoryQuery
{
    /// <summary>The HTS code of the goods.</summary>
    [FromQuery(Name = "product"), Description("HTS code of the goods: 8703.23.01.90.")]
    public string? Product { get; init; }

    /// <summary>The country of origin.</summary>
    [FromQuery(Name = "origin"), Description("Country of origin: ISO code (JP), name (Japan) or Census code (5880).")]
    public string? Origin { get; init; }

    /// <summary>The first date of the series.</summary>
    [FromQuery(Name = "from"), Description("First date (yyyy-MM-dd). Default: the first date of the data.")]
    public string? From { get; init; }

    /// <summary>The last date of the series.</summary>
    [FromQuery(Name = "to"), Description("Last date (yyyy-MM-dd). Default: the last date of the data.")]
    public string? To { get; init; }

    /// <summary>Conditions the importer certifies.</summary>
    [FromQuery(Name = "declare"), Description("A condition the importer certifies on every entry (repeatable).")]
    public string[]? Declare { get; init; }

    /// <summary>The Special Program Indicator claimed.</summary>
    [FromQuery(Name = "program"), Description("Special Program Indicator claimed on every entry (S, KR…). Default: none.")]
    public string? Program { get; init; }
}
