using System.Collections.Immutable;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using CoreRulebook = Levy.Core.Measures.Rulebook;

namespace Levy.Data.Rulebook;

/// <summary>A scenario: a small, documented overlay on the rulebook, and the rulebook it gives.</summary>
/// <param name="Name">The file name without extension (<c>japan-no-deal</c>); <c>actual</c> is the rulebook itself.</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Summary">What changes and why, in a paragraph.</param>
/// <param name="Sources">The instruments, news or analysis the scenario rests on.</param>
/// <param name="Changes">Each change made, in words (for reports).</param>
/// <param name="Policy">The rulebook with the overlay applied.</param>
public sealed record Scenario(string Name, string Title, string Summary, IReadOnlyList<string> Sources, IReadOnlyList<string> Changes, PolicyRulebook Policy);

public static partial class PolicyRulebookReader
{
    /// <summary>The name of the rulebook as it is (no overlay).</summary>
    public const string Actual = "actual";

    /// <summary>The folder of scenario files within the rulebook.</summary>
    public const string ScenarioFolder = "scenarios";

    /// <summary>The names of the scenarios of a rulebook (files <c>scenarios/*.yaml</c>), in order.</summary>
    public static IReadOnlyList<string> ScenarioNames(RulebookFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return [.. files.Names
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(ScenarioFolder + "/", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n[(ScenarioFolder.Length + 1)..^".yaml".Length])
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>Reads a scenario file and applies it to the rulebook.</summary>
    /// <remarks>
    /// <para>A scenario file (<c>rulebook/scenarios/NAME.yaml</c>, documented in docs/scenarios.md) has a <c>title</c>, a
    /// <c>summary</c> and <c>sources</c>, and its changes, applied in this order:</para>
    /// <list type="number">
    /// <item><c>remove_authorities</c>: every measure of these authorities goes (<c>ieepa-reciprocal</c>…).</item>
    /// <item><c>remove</c>: measures by id; <c>id*</c> matches a family (<c>reciprocal-phase2*</c>).</item>
    /// <item><c>change</c>: for the measures a selector matches, replace <c>in_force</c>, set the end of the last period
    /// (<c>until</c>: a date, or <c>open</c> for until further notice), set <c>rate_override</c>, replace
    /// <c>countries</c>, add countries (<c>add_countries</c>) or exclude some (<c>except_countries</c>).</item>
    /// <item><c>add</c>: new measures, written exactly as in measures.yaml and read by the same code.</item>
    /// </list>
    /// <para>Every selector must match at least one measure, so that a typo cannot silently leave the rulebook as it was.</para>
    /// </remarks>
    /// <param name="files">The rulebook files.</param>
    /// <param name="name">The scenario name.</param>
    /// <param name="actual">The rulebook as read by <see cref="Read"/>.</param>
    /// <param name="countries">Resolves country codes and groups.</param>
    /// <exception cref="KeyNotFoundException">There is no scenario of that name; the message lists those there are.</exception>
    /// <exception cref="RulebookException">The scenario file is malformed or a selector matches nothing.</exception>
    public static Scenario ReadScenario(RulebookFiles files, string name, PolicyRulebook actual, CountryDirectory countries)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(countries);
        if (name == Actual)
        {
            return new Scenario(Actual, "What happened", "The rulebook as it is: the measures in force, with their dates.", [], [], actual);
        }

        IReadOnlyList<string> known = ScenarioNames(files);
        if (!known.Contains(name, StringComparer.Ordinal))
        {
            throw new KeyNotFoundException($"No scenario \"{name}\"; the rulebook has: {string.Join(", ", known.Prepend(Actual))}.");
        }

        string file = $"{ScenarioFolder}/{name}.yaml";
        ScenarioFile sf = YamlRulebook.Read<ScenarioFile>(files, file);
        try
        {
            var changes = new List<string>();
            List<PolicyMeasure> measures = [.. actual.Rulebook.Measures];
            foreach (string authority in sf.RemoveAuthorities ?? [])
            {
                var a = ParseAuthority(authority);
                int removed = measures.RemoveAll(m => m.Authority == a);
                Require(removed, $"remove_authorities {authority}");
                changes.Add($"Removed the {removed} measures of {authority}.");
            }

            foreach (string selector in sf.Remove ?? [])
            {
                // Name the headings that go, so that a reader sees what a removal means without the rulebook at hand.
                string[] headings = [.. measures.Where(m => Matches(m, selector))
                    .SelectMany(m => m.TwinHeading is { } twin ? new[] { twin, m.Heading } : [m.Heading])
                    .Where(h => !h.IsEmpty).Order().Select(h => h.ToString()).Distinct()];
                int removed = measures.RemoveAll(m => Matches(m, selector));
                Require(removed, $"remove {selector}");
                string[] details = [.. (removed > 1 ? [$"{removed} measures"] : Array.Empty<string>()), .. headings];
                changes.Add($"Removed {selector}{(details.Length > 0 ? $" ({string.Join(", ", details)})" : string.Empty)}.");
            }

            foreach (ChangeDto change in sf.Change ?? [])
            {
                string selector = change.Measure ?? throw new ArgumentException("a change has no measure");
                int changed = 0;
                for (int i = 0; i < measures.Count; i++)
                {
                    if (Matches(measures[i], selector))
                    {
                        measures[i] = Apply(measures[i], change, countries);
                        changed++;
                    }
                }

                Require(changed, $"change {selector}");
                changes.Add(Describe(change, changed));
            }

            var lists = actual.Lists.ToDictionary(kv => kv.Key, kv => kv.Value);
            Dictionary<string, int> precedence = sf.Add is { Count: > 0 } ? Precedence(files, YamlRulebook.Read<MeasuresFile>(files, "measures.yaml")) : [];
            foreach (MeasureDto dto in sf.Add ?? [])
            {
                try
                {
                    measures.AddRange(Expand(dto, lists, countries, precedence));
                }
                catch (Exception ex) when (ex is FormatException or ArgumentException or KeyNotFoundException)
                {
                    throw YamlRulebook.ErrorAt(files, file, $"measure {dto.Id}: {ex.Message}", "add", $"id={dto.Id}");
                }

                changes.Add($"Added {dto.Id}: {dto.Citation?.Trim()}");
            }

            CoreRulebook rulebook = actual.Rulebook.With(measures);
            ThrowIfInvalid(files, rulebook, countries, "measures.yaml", file);
            return new Scenario(name, sf.Title?.Trim() ?? name, sf.Summary?.Trim() ?? string.Empty, [.. (sf.Sources ?? []).Select(s => s.Trim())], changes,
                actual with { Rulebook = rulebook });
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or KeyNotFoundException)
        {
            throw new RulebookException(file, 0, ex.Message);
        }

        static void Require(int count, string what)
        {
            if (count == 0)
            {
                throw new ArgumentException($"{what} matches no measure of the rulebook");
            }
        }
    }

    private static bool Matches(PolicyMeasure m, string selector) =>
        selector.EndsWith('*') ? m.Id.StartsWith(selector[..^1], StringComparison.Ordinal) : m.Id == selector;

    private static PolicyMeasure Apply(PolicyMeasure m, ChangeDto change, CountryDirectory directory)
    {
        if (change.InForce is { Count: > 0 } periods)
        {
            m = m with
            {
                Periods = [.. periods.Select(p => new MeasurePeriod(new EffectivePeriod(p.From, p.Until), p.Source ?? throw new ArgumentException("a period has no source")))],
            };
        }

        if (change.Until is { } until)
        {
            DateOnly? end = until == "open" ? null
                : DateOnly.TryParseExact(until, "yyyy-MM-dd", out DateOnly d) ? d
                : throw new ArgumentException($"until must be a date (yyyy-MM-dd) or \"open\", not \"{until}\"");
            MeasurePeriod last = m.Periods[^1];
            m = m with { Periods = m.Periods.SetItem(m.Periods.Length - 1, last with { Period = new EffectivePeriod(last.Period.Start, end) }) };
        }

        if (change.RateOverride is { } o)
        {
            m = m with { RateOverride = (o.Percent, o.Reason ?? throw new ArgumentException("rate_override has no reason")) };
        }

        if (change.Countries is not null)
        {
            m = m with { Countries = Countries(change.Countries, directory, "countries") };
        }

        if (change.AddCountries is not null)
        {
            CountrySet added = Countries(change.AddCountries, directory, "add_countries")!;
            CountrySet current = m.Countries ?? throw new ArgumentException($"{m.Id} reads its countries from its heading; replace them with countries instead");
            m = m with { Countries = CountrySet.Create($"{current}, {added}", current.Members.Concat(added.Members)) };
        }

        if (change.ExceptCountries is not null)
        {
            CountrySet except = Countries(change.ExceptCountries, directory, "except_countries")!;
            m = m with
            {
                ExcludedCountries = m.ExcludedCountries is { } already
                    ? CountrySet.Create($"{already}, {except}", already.Members.Concat(except.Members))
                    : except,
            };
        }

        return m;
    }

    private static string Describe(ChangeDto c, int count)
    {
        var parts = new List<string>();
        if (c.InForce is { Count: > 0 } p)
        {
            parts.Add("in force " + string.Join("; ", p.Select(x => $"{x.From:yyyy-MM-dd} to {(x.Until is { } u ? u.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "further notice")}")));
        }

        if (c.Until is { } until)
        {
            parts.Add(until == "open" ? "in force until further notice" : $"in force until {until}");
        }

        if (c.RateOverride is { } o)
        {
            parts.Add($"rate {o.Percent}%");
        }

        if (c.Countries is not null)
        {
            parts.Add("countries replaced");
        }

        if (c.AddCountries is not null)
        {
            parts.Add("countries added");
        }

        if (c.ExceptCountries is not null)
        {
            parts.Add("countries excluded");
        }

        return $"Changed {c.Measure}{(count > 1 ? $" ({count} measures)" : string.Empty)}: {string.Join(", ", parts)}{(c.Reason is { } r ? $". {r.Trim()}" : ".")}";
    }

#pragma warning disable CA1812 // instantiated by YamlDotNet
    private sealed class ScenarioFile
    {
        public string? Title { get; set; }

        public string? Summary { get; set; }

        public List<string>? Sources { get; set; }

        public List<string>? RemoveAuthorities { get; set; }

        public List<string>? Remove { get; set; }

        public List<ChangeDto>? Change { get; set; }

        public List<MeasureDto>? Add { get; set; }
    }

    private sealed class ChangeDto
    {
        public string? Measure { get; set; }

        public List<PeriodDto>? InForce { get; set; }

        public string? Until { get; set; }

        public OverrideDto? RateOverride { get; set; }

        public object? Countries { get; set; }

        public object? AddCountries { get; set; }

        public object? ExceptCountries { get; set; }

        public string? Reason { get; set; }
    }
#pragma warning restore CA1812
}
