using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Analysis.Panels;

/// <summary>One column of a panel file.</summary>
/// <param name="Name">The column name (the same in Parquet, CSV and DuckDB).</param>
/// <param name="Type">The Parquet / DuckDB type.</param>
/// <param name="Description">What it holds.</param>
public sealed record PanelColumn(string Name, string Type, string Description);

/// <summary>The columns of a panel file, in order: the schema documented in <c>docs/panel.md</c>.</summary>
/// <remarks>Rates are fractions of the customs value (0.275 = 27.5%). Thread-safe.</remarks>
public static class PanelColumns
{
    /// <summary>The HTS code: 10 digits, or 8 for a tariff line printed without statistical suffixes.</summary>
    public const string Hts10 = "hts10";

    /// <summary>The country of origin, ISO 3166-1 alpha-2.</summary>
    public const string Country = "country";

    /// <summary>The country's Census Bureau code.</summary>
    public const string CensusCode = "cty_code";

    /// <summary>The first day of the interval.</summary>
    public const string ValidFrom = "valid_from";

    /// <summary>The last day of the interval (inclusive).</summary>
    public const string ValidUntil = "valid_until";

    /// <summary>The sum of the components.</summary>
    public const string Total = "total";

    /// <summary>True when a specific duty needs value and quantity.</summary>
    public const string NeedsValue = "needs_value";

    /// <summary>True when the ordinary rate's ad valorem equivalent was estimated from a unit value.</summary>
    public const string AveEstimated = "ave_estimated";

    /// <summary>The column of each authority's component, in <see cref="Authority"/> order.</summary>
    public static ImmutableArray<string> Authorities { get; } = [.. Levy.Core.Primitives.Authorities.All.Select(a => a.PanelColumn)];

    /// <summary>Every column, in file order.</summary>
    public static ImmutableArray<PanelColumn> All { get; } =
    [
        new(Hts10, "VARCHAR", "HTS code: 10 digits (statistical line), or 8 for a tariff line printed without statistical suffixes"),
        new(Country, "VARCHAR", "Country of origin, ISO 3166-1 alpha-2 (JP)"),
        new(CensusCode, "VARCHAR", "Census Bureau country code (5880), as in policy/census_codes.csv"),
        new(ValidFrom, "DATE", "First day of entry the row covers"),
        new(ValidUntil, "DATE", "Last day of entry the row covers (inclusive)"),
        .. Levy.Core.Primitives.Authorities.All.Select(a => new PanelColumn(a.PanelColumn, "DOUBLE", a.PanelDescription)),
        new(Total, "DOUBLE", "Sum of the components"),
        new(NeedsValue, "BOOLEAN", "True when a specific or compound rate needs customs value and quantity: its specific part counts as 0, so total is a lower bound"),
        new(AveEstimated, "BOOLEAN", "True when the specific or compound ordinary rate was given an ad valorem equivalent from a unit value (--unit-values): mfn, and anything measured against it, are estimates"),
    ];
}
