using System.Collections.Immutable;
using Levy.Core.Countries;
using Levy.Core.Primitives;

namespace Levy.Core.Measures;

/// <summary>Reads the countries a Chapter 99 heading names in its description ("articles the product of Cameroon or the
/// Democratic Republic of the Congo, as provided for in…"), so that the rulebook need not repeat them.</summary>
/// <remarks>Thread-safe.</remarks>
public static class HeadingCountries
{
    private static readonly string[] Ends =
    [
        ", as provided", " as provided", ", with an", " with an", ", that ", " that are", ", classified", " classified",
        ", provided for", ", excluding", ", and except", ". ", "[Compiler", ", which",
    ];

    /// <summary>The countries named after "the product of" in <paramref name="description"/>.</summary>
    /// <param name="description">The heading's description.</param>
    /// <param name="countries">Resolves names.</param>
    /// <param name="europeanUnionGroup">The group "the European Union" and "member states" stand for (the rulebook's
    /// <see cref="EngineRoles.EuropeanUnionGroup"/>).</param>
    /// <param name="error">Why nothing could be read, when the result is null.</param>
    /// <returns>The countries, or null when the description names none that can be resolved.</returns>
    public static ImmutableArray<CountryCode>? Parse(string description, CountryDirectory countries, string europeanUnionGroup, out string? error)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(countries);
        error = null;
        int at = description.IndexOf("product of ", StringComparison.OrdinalIgnoreCase);
        int skip = "product of ".Length;
        if (at < 0)
        {
            at = description.IndexOf("products of ", StringComparison.OrdinalIgnoreCase);
            skip = "products of ".Length;
        }

        if (at < 0)
        {
            error = "the description names no country (\"product of …\")";
            return null;
        }

        string rest = description[(at + skip)..];
        int end = rest.Length;
        foreach (string e in Ends)
        {
            int i = rest.IndexOf(e, StringComparison.Ordinal);
            if (i >= 0 && i < end)
            {
                end = i;
            }
        }

        string list = rest[..end].Replace('`', '\'').Replace('’', '\'');
        var names = new List<string>();
        foreach (string part in list.Replace(", including ", ", ", StringComparison.Ordinal).Split(", "))
        {
            foreach (string piece in part.Split(" or "))
            {
                // "Bosnia and Herzegovina" is one country; "Hong Kong and Macau" are two.
                string whole = Clean(piece);
                if (whole.Length == 0)
                {
                    continue;
                }

                if (countries.TryResolve(whole, out _) || whole.Equals("European Union", StringComparison.OrdinalIgnoreCase))
                {
                    names.Add(whole);
                    continue;
                }

                names.AddRange(piece.Split(" and ").Select(Clean).Where(n => n.Length > 0));
            }
        }

        var result = ImmutableArray.CreateBuilder<CountryCode>();
        foreach (string n in names)
        {
            if (n.Equals("European Union", StringComparison.OrdinalIgnoreCase) || n.StartsWith("member", StringComparison.OrdinalIgnoreCase))
            {
                result.AddRange(countries.GroupMembers(europeanUnionGroup));
            }
            else if (n.Equals("any country", StringComparison.OrdinalIgnoreCase))
            {
                error = "the heading covers any country";
                return null;
            }
            else if (countries.TryResolve(n, out Country? c))
            {
                result.Add(c.Iso);
            }
            else
            {
                error = $"\"{n}\" is not a known country";
                return null;
            }
        }

        if (result.Count == 0)
        {
            error = "no country found after \"product of\"";
            return null;
        }

        return result.Distinct().ToImmutableArray();
    }

    private static string Clean(string name)
    {
        string n = name.Trim();
        if (n.StartsWith("or ", StringComparison.Ordinal))
        {
            n = n[3..];
        }

        int paren = n.IndexOf(" (", StringComparison.Ordinal);
        if (paren > 0)
        {
            n = n[..paren];
        }

        return n.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? n[4..] : n;
    }
}
