using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Validation;

/// <summary>Why some requests cannot be quoted at all, and what to quote instead.</summary>
internal static class RefusalTexts
{
    /// <summary>Why a Chapter 99 heading cannot be quoted, and which goods provisions to quote instead: the products the
    /// rulebook's measures with that heading cover.</summary>
    internal static string Chapter99(Rulebook rulebook, HtsCode heading, DateOnly date)
    {
        var covers = new List<string>();
        foreach (PolicyMeasure m in rulebook.Measures)
        {
            if (m.Heading != heading && m.TwinHeading != heading)
            {
                continue;
            }

            string coverage;
            if (m.FootnoteLinked)
            {
                coverage = $"the chapter 1–97 lines whose footnotes cite {heading}";
            }
            else if (m.Products is { } list)
            {
                var entries = list.Entries.Where(e => m.ProductListHeading is not { } h || e.Heading == h).ToList();
                var prefixes = (entries.Any(e => e.IsInForce(date)) ? entries.Where(e => e.IsInForce(date)) : entries)
                    .Select(e => e.Prefix).Distinct().Order().ToList();
                coverage = prefixes.Count == 0
                    ? $"the provisions of list {list.Name}"
                    : $"{prefixes.Count} provision{(prefixes.Count == 1 ? string.Empty : "s")} of list {list.Name}, e.g. {string.Join(", ", prefixes.Take(6))}";
            }
            else
            {
                coverage = $"products of {m.Countries?.ToString() ?? "the countries its text names"} whatever their chapter 1–97 provision";
            }

            if (!covers.Contains(coverage))
            {
                covers.Add(coverage);
            }
        }

        string what = covers.Count == 0
            ? $"no measure of the rulebook declares {heading}; the U.S. note its text cites lists the goods (`levy lookup {heading}`)"
            : $"{heading} covers {string.Join("; ", covers)}";
        return $"{heading} is a Chapter 99 heading: an additional duty declared next to the goods' own provision, not a classification of goods. "
            + $"Quote the chapter 1–97 provision of the goods instead; {what}.";
    }

    /// <summary>Why goods of U.S. origin are not quoted.</summary>
    internal static string Domestic(CountryDirectory countries, CountryCode origin) =>
        $"Goods of {origin} origin ({countries.FindByIso(origin)?.Name ?? origin.Value}) are not foreign goods: the duties Levy quotes apply to products of other countries. U.S. goods returned "
        + "after export enter under chapter 98 (heading 9801.00.10, free of duty when not advanced in value or improved in condition "
        + "abroad; subheadings 9802.00.40-.80, dutiable on the value of the work done or the foreign parts added abroad), subject to "
        + "the documentation of 19 CFR 10.1; quote the goods with the country where they were produced or last substantially transformed.";
}
