using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Levy.Core.Primitives;

namespace Levy.Core.Countries;

/// <summary>The countries Levy knows, resolvable by ISO alpha-2 code (<c>JP</c>), English name or alias (<c>Japan</c>,
/// <c>South Korea</c>) and Census code (<c>5880</c>); and the named groups they belong to (<c>EU</c>), which are data.</summary>
/// <remarks>Built once from the country table; immutable and thread-safe.</remarks>
public sealed class CountryDirectory
{
    private readonly FrozenDictionary<string, Country> _byKey;
    private readonly FrozenDictionary<CountryCode, Country> _byIso;
    private readonly FrozenDictionary<string, ImmutableArray<CountryCode>> _groups;

    /// <summary>Builds a directory.</summary>
    /// <param name="countries">Every country; ISO and Census codes must be unique.</param>
    /// <param name="groups">Named groups (e.g. <c>EU</c>) and their members.</param>
    /// <exception cref="ArgumentException">Two countries share an ISO code or Census code, or a group names an unknown country.</exception>
    public CountryDirectory(IEnumerable<Country> countries, IReadOnlyDictionary<string, ImmutableArray<CountryCode>> groups)
    {
        Countries = countries.OrderBy(c => c.Name, StringComparer.Ordinal).ToImmutableArray();
        var byIso = new Dictionary<CountryCode, Country>();
        var byKey = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        foreach (Country c in Countries)
        {
            if (!byIso.TryAdd(c.Iso, c))
            {
                throw new ArgumentException($"Two countries have the ISO code {c.Iso}: {byIso[c.Iso].Name} and {c.Name}.", nameof(countries));
            }

            if (!byKey.TryAdd(c.CensusCode, c))
            {
                throw new ArgumentException($"Two countries have the Census code {c.CensusCode}.", nameof(countries));
            }
        }

        foreach (Country c in Countries)
        {
            byKey.TryAdd(c.Iso.Value, c);
            byKey.TryAdd(Normalize(c.Name), c);
            foreach (string alias in c.Aliases)
            {
                byKey.TryAdd(Normalize(alias), c);
            }
        }

        foreach ((string name, ImmutableArray<CountryCode> members) in groups)
        {
            foreach (CountryCode m in members)
            {
                if (!byIso.ContainsKey(m))
                {
                    throw new ArgumentException($"Group {name} names {m}, which is not a known country.", nameof(groups));
                }
            }
        }

        _byIso = byIso.ToFrozenDictionary();
        _byKey = byKey.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _groups = groups.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Every country, by name.</summary>
    public ImmutableArray<Country> Countries { get; }

    /// <summary>The names of the groups.</summary>
    public IEnumerable<string> GroupNames => _groups.Keys;

    /// <summary>The members of a group, or an empty array for an unknown group.</summary>
    public ImmutableArray<CountryCode> GroupMembers(string group) =>
        _groups.TryGetValue(group, out ImmutableArray<CountryCode> members) ? members : ImmutableArray<CountryCode>.Empty;

    /// <summary>True when <paramref name="country"/> is in <paramref name="group"/>.</summary>
    public bool IsMember(CountryCode country, string group) =>
        _groups.TryGetValue(group, out ImmutableArray<CountryCode> members) && members.Contains(country);

    /// <summary>The group of the customs territory itself (rulebook country-groups.yaml): the United States.</summary>
    public const string DomesticGroup = "DOMESTIC";

    /// <summary>The countries whose goods are imports: every country but those of <see cref="DomesticGroup"/>.</summary>
    public IEnumerable<Country> Partners => Countries.Where(c => !IsDomestic(c.Iso));

    /// <summary>True when goods of <paramref name="country"/> are not foreign goods (the United States).</summary>
    public bool IsDomestic(CountryCode country) => IsMember(country, DomesticGroup);

    /// <summary>The country with this ISO code, or null.</summary>
    public Country? FindByIso(CountryCode iso) => _byIso.GetValueOrDefault(iso);

    /// <summary>Resolves what a user typed: an ISO code, a Census code, a name or an alias (case and accents ignored).</summary>
    public bool TryResolve(string? input, [NotNullWhen(true)] out Country? country)
    {
        country = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        string trimmed = input.Trim();
        return _byKey.TryGetValue(trimmed, out country) || _byKey.TryGetValue(Normalize(trimmed), out country);
    }

    /// <summary>Resolves what a user typed, or throws with a suggestion.</summary>
    /// <exception cref="UnknownCountryException">Nothing matches; the message names the nearest country when one is close,
    /// or the members when the input names a group (<c>EU</c>).</exception>
    public Country Resolve(string? input)
    {
        if (TryResolve(input, out Country? country))
        {
            return country;
        }

        throw Unknown(input ?? string.Empty);
    }

    /// <summary>The error for an input that resolves to no country: a group's members when it names a group, else the
    /// nearest country.</summary>
    public UnknownCountryException Unknown(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return GroupMembers(input.Trim()) is { IsEmpty: false } members
            ? new UnknownCountryException(input, members)
            : new UnknownCountryException(input, Suggest(input));
    }

    /// <summary>Countries that match what a user is typing, best first: an exact code, Census code, name or alias;
    /// then names and aliases that start with the text; then names and aliases that contain it (case and accents ignored).</summary>
    /// <param name="text">What the user typed so far; empty or blank lists every country by name.</param>
    /// <param name="limit">The most countries to return.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is zero or negative.</exception>
    public IReadOnlyList<Country> Search(string? text, int limit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        string key = Normalize(text ?? string.Empty);
        if (key.Length == 0)
        {
            return Countries.Take(limit).ToList();
        }

        var ranked = new List<(int Rank, Country Country)>();
        bool exact = TryResolve(text, out Country? resolved);
        foreach (Country c in Countries)
        {
            int rank = exact && c == resolved ? 0 : int.MaxValue;
            foreach (string name in c.Aliases.Prepend(c.Name))
            {
                string n = Normalize(name);
                rank = Math.Min(rank, n.StartsWith(key, StringComparison.Ordinal) ? 1
                    : n.Contains(key, StringComparison.Ordinal) ? 2 : int.MaxValue);
            }

            if (c.CensusCode.StartsWith(key, StringComparison.Ordinal))
            {
                rank = Math.Min(rank, 1);
            }

            if (rank != int.MaxValue)
            {
                ranked.Add((rank, c));
            }
        }

        return ranked.OrderBy(r => r.Rank).Select(r => r.Country).Take(limit).ToList();
    }

    /// <summary>The country whose code, name or alias is nearest to <paramref name="input"/> by edit distance, if any is
    /// close enough to be a plausible typo.</summary>
    public Country? Suggest(string input)
    {
        string key = Normalize(input);
        if (key.Length == 0)
        {
            return null;
        }

        Country? best = null;
        int bestDistance = int.MaxValue;
        foreach ((string candidate, Country c) in _byKey)
        {
            int d = EditDistance(key, Normalize(candidate));
            // Ties go to the country whose name sorts first, so the suggestion does not depend on dictionary order.
            if (d < bestDistance || (d == bestDistance && best is not null && string.CompareOrdinal(c.Name, best.Name) < 0))
            {
                bestDistance = d;
                best = c;
            }
        }

        int allowed = Math.Max(1, key.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    private static string Normalize(string text)
    {
        string decomposed = text.Trim().Normalize(System.Text.NormalizationForm.FormD);
        var chars = new List<char>(decomposed.Length);
        foreach (char ch in decomposed)
        {
            if (char.IsLetterOrDigit(ch))
            {
                chars.Add(char.ToLowerInvariant(ch));
            }
            else if (char.GetUnicodeCategory(ch) != System.Globalization.UnicodeCategory.NonSpacingMark && chars.Count > 0 && chars[^1] != ' ')
            {
                chars.Add(' ');
            }
        }

        return new string(chars.ToArray()).Trim();
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
