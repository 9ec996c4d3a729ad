using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Schedule;
using Levy.Data.Countries;
using Levy.Data.Hts;
using Levy.Data.Locating;
using Levy.Data.Rulebook;

namespace Levy.Data;

/// <summary>Everything Levy reads at run time, opened once: the data folder, the rulebook, the revision catalogue, the
/// country directory and the archive of HTS revisions.</summary>
/// <remarks>Thread-safe; meant to be shared for the life of a process (a singleton in the web host).</remarks>
public sealed class LevyData
{
    private readonly Lazy<FeeSchedule> _fees;
    private readonly Lazy<PolicyRulebook> _policy;
    private readonly Lazy<TariffEngine> _engine;
    private readonly Lazy<Levy.Core.Measures.LegalTimeline> _timeline;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(Scenario Scenario, TariffEngine Engine)>> _scenarios = new(StringComparer.Ordinal);

    private LevyData(DataDirectory directory, RulebookFiles rulebook, RevisionCatalogue catalogue, CountryDirectory countries)
    {
        Directory = directory;
        Rulebook = rulebook;
        Catalogue = catalogue;
        Countries = countries;
        Archive = new ScheduleArchive(directory, catalogue);
        _fees = new Lazy<FeeSchedule>(() => FeeScheduleReader.Read(rulebook));
        _policy = new Lazy<PolicyRulebook>(() => PolicyRulebookReader.Read(Rulebook, Directory, Countries, Catalogue));
        _engine = new Lazy<TariffEngine>(() => CreateEngine(Policy.Rulebook));
        _timeline = new Lazy<Levy.Core.Measures.LegalTimeline>(() => _policy.IsValueCreated ? Policy.Timeline : PolicyRulebookReader.ReadTimeline(rulebook, catalogue));
    }

    /// <summary>The policy rulebook with its product lists, read on first use.</summary>
    /// <exception cref="RulebookException">A rulebook file is malformed.</exception>
    public PolicyRulebook Policy => _policy.Value;

    /// <summary>Which revision's text governs each date of entry (rulebook <c>revisions.yaml</c>), read on first use without
    /// the rest of the rulebook, so that <c>levy lookup --date</c> names the revision <c>levy rate</c> reads.</summary>
    /// <exception cref="RulebookException">revisions.yaml is malformed.</exception>
    public Levy.Core.Measures.LegalTimeline Timeline => _timeline.Value;

    /// <summary>The rate engine over the rulebook and the archive, built on first use.</summary>
    public TariffEngine Engine => _engine.Value;

    /// <summary>An engine over another rulebook (a scenario) sharing this data's revisions and caches of schedules.</summary>
    public TariffEngine CreateEngine(Levy.Core.Measures.Rulebook rulebook) =>
        new(rulebook, Policy.Timeline, Archive.Get, Countries, Policy.Metal, Policy.Defaults);

    /// <summary>The scenarios of the rulebook (<c>rulebook/scenarios/*.yaml</c>), after <c>actual</c>.</summary>
    public IReadOnlyList<string> ScenarioNames => [PolicyRulebookReader.Actual, .. PolicyRulebookReader.ScenarioNames(Rulebook)];

    /// <summary>A scenario (or <c>actual</c>) and an engine over it, read and built on first use.</summary>
    /// <exception cref="KeyNotFoundException">There is no scenario of that name.</exception>
    /// <exception cref="RulebookException">The scenario file is malformed.</exception>
    public (Scenario Scenario, TariffEngine Engine) ScenarioEngine(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Lazy<(Scenario, TariffEngine)> lazy = _scenarios.GetOrAdd(name, n => new(() =>
        {
            Scenario scenario = PolicyRulebookReader.ReadScenario(Rulebook, n, Policy, Countries);
            return (scenario, n == PolicyRulebookReader.Actual ? Engine : CreateEngine(scenario.Policy.Rulebook));
        }));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _scenarios.TryRemove(name, out _);
            throw;
        }
    }

    /// <summary>The data folder in use.</summary>
    public DataDirectory Directory { get; }

    /// <summary>The rulebook in use.</summary>
    public RulebookFiles Rulebook { get; }

    /// <summary>The HTS revisions and their dates.</summary>
    public RevisionCatalogue Catalogue { get; }

    /// <summary>Countries and country groups.</summary>
    public CountryDirectory Countries { get; }

    /// <summary>The HTS revisions, loaded on demand.</summary>
    public ScheduleArchive Archive { get; }

    /// <summary>The entry fees and thresholds of the rulebook (<c>fees.yaml</c>), read on first use.</summary>
    /// <exception cref="RulebookException">fees.yaml is malformed (thrown on first use).</exception>
    public FeeSchedule Fees => _fees.Value;

    /// <summary>Opens the data: finds the folder, reads the catalogue and the country tables. Revisions load on demand.</summary>
    /// <param name="dataDir">An explicit data folder, or null to search (<see cref="DataLocator"/>).</param>
    /// <param name="rulebook">The rulebook, or null for the embedded one.</param>
    /// <exception cref="DataNotFoundException">No data folder is found.</exception>
    /// <exception cref="Tables.CsvDataException">A table of the data folder is malformed.</exception>
    /// <exception cref="RulebookException">A rulebook file is malformed.</exception>
    public static LevyData Open(string? dataDir = null, RulebookFiles? rulebook = null) => Open(DataLocator.Locate(dataDir), rulebook);

    /// <summary>Opens the data in a known folder.</summary>
    /// <inheritdoc cref="Open(string?, RulebookFiles?)"/>
    public static LevyData Open(DataDirectory directory, RulebookFiles? rulebook = null)
    {
        rulebook ??= RulebookFiles.Embedded;
        string dates = directory.Policy("revision_dates.csv");
        if (!File.Exists(dates))
        {
            throw new DataNotFoundException($"The revision-date table is missing: {dates}. Run `levy data sync` to fetch it.");
        }

        RevisionCatalogue catalogue = RevisionCatalogueReader.Read(dates, rulebook);
        CountryDirectory countries = CountryDirectoryReader.Read(rulebook, directory.Policy("census_codes.csv"));
        return new LevyData(directory, rulebook, catalogue, countries);
    }
}
