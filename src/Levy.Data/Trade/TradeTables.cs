using System.Globalization;
using Levy.Core.Countries;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Levy.Core.Trade;
using Levy.Data.Locating;
using Levy.Data.Rulebook;
using Levy.Data.Tables;

namespace Levy.Data.Trade;

/// <summary>One row of the Annex I table of EO 14257: a partner and the reciprocal rate published for it.</summary>
/// <param name="Partner">ISO alpha-2 code (<c>EU</c> for the European Union).</param>
/// <param name="Name">The partner's name.</param>
/// <param name="RatePercent">The Annex I rate, in percent.</param>
/// <param name="Heading">The HTS heading that carries it.</param>
/// <param name="Note">A note, if any.</param>
public sealed record AnnexRate(string Partner, string Name, decimal RatePercent, string Heading, string? Note);

/// <summary>A partner of the bilateral trade table with the rate published for it.</summary>
/// <param name="Trade">Exports and imports.</param>
/// <param name="PublishedPercent">The rate published in April 2025, in percent.</param>
/// <param name="Note">Why the published rate is what it is, when the table says.</param>
public sealed record PublishedTrade(TradeBalance Trade, decimal PublishedPercent, string? Note);

/// <summary>Reads the trade tables of the data folder (<c>trade/</c>) and the import-weight files users give.</summary>
/// <remarks>Thread-safe (no state). Every reader reports a malformed row with its file, line and column.</remarks>
public static class TradeTables
{
    /// <summary>The bilateral trade table: <c>trade/us_goods_trade_2024_top10_partners.csv</c>.</summary>
    public const string BilateralTradeFile = "us_goods_trade_2024_top10_partners.csv";

    /// <summary>The Annex I rates: <c>trade/reciprocal_annex_i_rates_2025.csv</c>.</summary>
    public const string AnnexRatesFile = "reciprocal_annex_i_rates_2025.csv";

    /// <summary>The 2024 imports by Census country: <c>trade/us_imports_2024_by_country_census.csv</c>.</summary>
    public const string CountryImportsFile = "us_imports_2024_by_country_census.csv";

    /// <summary>The USMCA utilisation by HTS-10: <c>policy/usmca_product_shares_2025.csv</c>.</summary>
    public const string UsmcaSharesFile = "usmca_product_shares_2025.csv";

    /// <summary>Reads a bilateral trade table (<c>iso2, country, us_exports_2024_busd, us_imports_2024_busd, published_rate_pct, note</c>).</summary>
    /// <exception cref="CsvDataException">The file is missing or a row is malformed.</exception>
    public static IReadOnlyList<PublishedTrade> ReadBilateralTrade(string path) => ReadBilateralTrade(CsvTable.Read(path, BilateralColumns));

    /// <summary>Reads <c>trade/</c><see cref="BilateralTradeFile"/> of a data folder or bundle.</summary>
    /// <exception cref="CsvDataException">The file is missing or a row is malformed.</exception>
    public static IReadOnlyList<PublishedTrade> ReadBilateralTrade(DataFiles data) => ReadBilateralTrade(CsvTable.Read(data, "trade/" + BilateralTradeFile, BilateralColumns));

    private static readonly string[] BilateralColumns = ["iso2", "country", "us_exports_2024_busd", "us_imports_2024_busd", "published_rate_pct"];

    private static IReadOnlyList<PublishedTrade> ReadBilateralTrade(CsvTable table)
    {
        table.NaIsBlank = false; // "NA" would be Namibia
        return [.. table.Records.Select(r => new PublishedTrade(
            new TradeBalance(r.Required("iso2"), r.Required("country"), r.Decimal("us_exports_2024_busd"), r.Decimal("us_imports_2024_busd")),
            r.Decimal("published_rate_pct"), r.Optional("note")))];
    }

    /// <summary>Reads the Annex I table (<c>iso2, country, annex_i_rate_pct, hts_heading, note</c>).</summary>
    /// <exception cref="CsvDataException">The file is missing or a row is malformed.</exception>
    public static IReadOnlyList<AnnexRate> ReadAnnexRates(string path) => ReadAnnexRates(CsvTable.Read(path, AnnexColumns));

    /// <summary>Reads <c>trade/</c><see cref="AnnexRatesFile"/> of a data folder or bundle.</summary>
    /// <exception cref="CsvDataException">The file is missing or a row is malformed.</exception>
    public static IReadOnlyList<AnnexRate> ReadAnnexRates(DataFiles data) => ReadAnnexRates(CsvTable.Read(data, "trade/" + AnnexRatesFile, AnnexColumns));

    private static readonly string[] AnnexColumns = ["iso2", "country", "annex_i_rate_pct", "hts_heading"];

    private static IReadOnlyList<AnnexRate> ReadAnnexRates(CsvTable table)
    {
        table.NaIsBlank = false; // "NA" is Namibia
        return [.. table.Records.Select(r => new AnnexRate(r.Required("iso2"), r.Required("country"), r.Decimal("annex_i_rate_pct"),
            r.Required("hts_heading"), r.Optional("note")))];
    }

    /// <summary>Reads the imports of each country (<c>cty_code, country_name, imports_2024_usd</c>); Census codes Levy does
    /// not know are skipped.</summary>
    /// <exception cref="CsvDataException">The file is missing or a row is malformed.</exception>
    public static CountryWeights ReadCountryImports(string path, CountryDirectory countries) =>
        ReadCountryImports(CsvTable.Read(path, "cty_code", "imports_2024_usd"), countries);

    /// <summary>Reads <c>trade/</c><see cref="CountryImportsFile"/> of a data folder or bundle.</summary>
    /// <exception cref="CsvDataException">The file is missing or a row is malformed.</exception>
    public static CountryWeights ReadCountryImports(DataFiles data, CountryDirectory countries) =>
        ReadCountryImports(CsvTable.Read(data, "trade/" + CountryImportsFile, "cty_code", "imports_2024_usd"), countries);

    private static CountryWeights ReadCountryImports(CsvTable table, CountryDirectory countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var values = new Dictionary<CountryCode, decimal>();
        foreach (CsvRecord r in table.Records)
        {
            if (countries.TryResolve(r.Required("cty_code"), out Country? c))
            {
                values[c.Iso] = values.GetValueOrDefault(c.Iso) + r.Decimal("imports_2024_usd");
            }
        }

        return new CountryWeights($"{table.File}, 2024 imports by country", values);
    }

    /// <summary>Reads an import-weights file: one row per HTS-10 and country with an import value.</summary>
    /// <remarks>
    /// Columns: <c>hts10</c> (10 digits, dots allowed), the country as <c>cty_code</c> (Census code) or <c>iso2</c>, and
    /// <c>value</c> (imports in any unit; only ratios matter). Rows for the same product and country are added up; rows
    /// whose country Levy does not know are an error. See docs/etr.md.
    /// </remarks>
    /// <exception cref="CsvDataException">The file is missing, lacks a column, or a row is malformed.</exception>
    public static ImportWeights ReadImportWeights(string path, CountryDirectory countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        CsvTable table = CsvTable.Read(path, "hts10", "value");
        string countryColumn = table.Header.Contains("cty_code", StringComparer.OrdinalIgnoreCase) ? "cty_code"
            : table.Header.Contains("iso2", StringComparer.OrdinalIgnoreCase) ? "iso2"
            : throw new CsvDataException(table.File, 1, "cty_code", "the header needs a country column: \"cty_code\" (Census code) or \"iso2\"");
        var values = new List<KeyValuePair<(HtsCode, CountryCode), decimal>>(table.Records.Length);
        foreach (CsvRecord r in table.Records)
        {
            HtsCode code = ProductListReader.ParseCode(r.Required("hts10"), table.File, r.Line, "hts10");
            string country = r.Required(countryColumn);
            if (!countries.TryResolve(country, out Country? c))
            {
                throw r.Error(countryColumn, $"is not a country Levy knows: \"{country}\"");
            }

            decimal value = r.Decimal("value");
            if (value < 0)
            {
                throw r.Error("value", $"is negative: {value.ToString(CultureInfo.InvariantCulture)}");
            }

            values.Add(new((code, c.Iso), value));
        }

        return new ImportWeights(Path.GetFileName(path), values);
    }

    /// <summary>Reads unit values (<c>hts10, unit, usd_per_unit, source</c>; docs/panel.md), for the ad valorem equivalents
    /// of specific and compound ordinary rates in panels and effective rates.</summary>
    /// <param name="path">The CSV file.</param>
    /// <returns>The unit values, by code (10 digits, or 8 for every statistical line under it).</returns>
    /// <exception cref="CsvDataException">The file is missing, or a row is malformed (a bad code or unit, a value that is not
    /// positive, a blank source, a code given twice), named by line and column.</exception>
    public static UnitValues ReadUnitValues(string path)
    {
        CsvTable table = CsvTable.Read(path, "hts10", "unit", "usd_per_unit", "source");
        var values = new List<UnitValue>(table.Records.Length);
        var seen = new Dictionary<HtsCode, int>();
        foreach (CsvRecord r in table.Records)
        {
            HtsCode code = ProductListReader.ParseCode(r.Required("hts10"), table.File, r.Line, "hts10");
            if (!code.IsStatisticalLine && !code.IsTariffLine)
            {
                throw r.Error("hts10", $"is not an 8- or 10-digit code: \"{r.Required("hts10")}\"");
            }

            if (!UnitOfMeasure.TryParse(r.Required("unit"), out UnitOfMeasure unit) || !unit.IsKnown)
            {
                throw r.Error("unit", $"is not a unit Levy knows: \"{r.Required("unit")}\" (kg, g, t, liters, No., doz., m2…)");
            }

            decimal usd = r.Decimal("usd_per_unit");
            if (usd <= 0m)
            {
                throw r.Error("usd_per_unit", $"must be positive: {usd.ToString(CultureInfo.InvariantCulture)}");
            }

            if (!seen.TryAdd(code, r.Line))
            {
                throw r.Error("hts10", $"repeats {code}, already given on line {seen[code]}");
            }

            values.Add(new UnitValue(code, unit, usd, r.Required("source")));
        }

        return new UnitValues(values, $"{Path.GetFileName(path)} ({values.Count:N0} codes)");
    }

    /// <summary>Reads the USMCA utilisation shares (<c>hts10, cty_code, usmca_share</c>) for Canada and Mexico.</summary>
    /// <exception cref="CsvDataException">The file is missing or a row is malformed.</exception>
    public static PreferenceShares ReadUsmcaShares(DataFiles data, CountryDirectory countries)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ReadUsmcaShares(CsvTable.Read(data, "policy/" + UsmcaSharesFile, UsmcaColumns), countries);
    }

    /// <summary>Reads the USMCA utilisation shares from a file.</summary>
    /// <exception cref="CsvDataException">The file is missing or a row is malformed.</exception>
    internal static PreferenceShares ReadUsmcaShares(string path, CountryDirectory countries) => ReadUsmcaShares(CsvTable.Read(path, UsmcaColumns), countries);

    private static readonly string[] UsmcaColumns = ["hts10", "cty_code", "usmca_share"];

    private static PreferenceShares ReadUsmcaShares(CsvTable table, CountryDirectory countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var shares = new List<KeyValuePair<(HtsCode, CountryCode), decimal>>(table.Records.Length);
        foreach (CsvRecord r in table.Records)
        {
            HtsCode code = ProductListReader.ParseCode(r.Required("hts10"), table.File, r.Line, "hts10");
            if (!countries.TryResolve(r.Required("cty_code"), out Country? c))
            {
                throw r.Error("cty_code", $"is not a Census code Levy knows: \"{r.Required("cty_code")}\"");
            }

            decimal share = r.Decimal("usmca_share");
            shares.Add(new((code, c.Iso), Math.Clamp(share, 0m, 1m)));
        }

        return new PreferenceShares("S", $"policy/{UsmcaSharesFile} (2025 USMCA utilisation by HTS-10; Census/USITC DataWeb via The Budget Lab at Yale)", shares);
    }
}
