using Levy.Core.Calculation.Entries;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Schedule;
using Levy.Data.Bundle;
using Levy.Data.Countries;
using Levy.Data.Hts;
using Levy.Data.Locating;
using Levy.Data.Rulebook;

namespace Levy.Data;

/// <summary>Everything Levy reads at run time, opened once: the data (a folder, or a compiled bundle), the rulebook, the
/// revision catalogue, the country directory and the archive of HTS revisions.</summary>
/// <remarks>
/// <para>From a bundle whose compiled rulebook matches the rulebook in use, the catalogue, the countries and the policy come
/// from the bundle's compiled sections and no YAML or CSV is parsed; otherwise (a data folder, an edited rulebook) they are
/// read from the rulebook's YAML and the tables, as the bundle's compiler does.</para>
/// <para>Thread-safe; meant to be shared for the life of a process (a singleton in the web host).</para>
/// </remarks>
public sealed class LevyData
{
    private readonly Lazy<FeeSchedule> _fees;
    private readonly Lazy<PolicyRulebook> _policy;
    private readonly Lazy<TariffEngine> _engine;
    private readonly Lazy<Levy.Core.Measures.LegalTimeline> _timeline;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(Scenario Scenario, TariffEngine Engine)>> _scenarios = new(StringComparer.Ordinal);

    private LevyData(DataLocation location, DataFiles files, RulebookFiles rulebook, RevisionCatalogue catalogue, CountryDirectory countries,
        ScheduleArchive archive, Func<PolicyRulebook> policy, Func<Levy.Core.Measures.LegalTimeline> timeline, bool compiled)
    {
        Location = location;
        Files = files;
        Rulebook = rulebook;
        Catalogue = catalogue;
        Countries = countries;
        Archive = archive;
        UsesCompiledRulebook = compiled;
        _fees = new Lazy<FeeSchedule>(() => FeeScheduleReader.Read(rulebook));
        _policy = new Lazy<PolicyRulebook>(policy);
        _engine = new Lazy<TariffEngine>(() => CreateEngine(Policy.Rulebook));
        var warnings = location.Notes.ToList();
        if (catalogue.ModelledThrough is { } through && catalogue.Revisions.Where(r => r.Id > through).Select(r => r.Id).ToList() is { Count: > 0 } newer)
        {
            warnings.Add($"{string.Join(", ", newer.Select(r => "HTS " + r))} {(newer.Count == 1 ? "is" : "are")} newer than the rulebook, which models "
                + $"Chapter 99 through {through}: MFN rates are read from {(newer.Count == 1 ? "it" : "them")}, but Chapter 99 measures introduced there are not modelled yet.");
        }

        Warnings = warnings;
        _timeline = new Lazy<Levy.Core.Measures.LegalTimeline>(() => _policy.IsValueCreated ? Policy.Timeline : timeline());
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

    /// <summary>Where the data comes from (a folder or a bundle) and why.</summary>
    public DataLocation Location { get; }

    /// <summary>The data folder in use, or null when the data comes from a bundle.</summary>
    public DataDirectory? Directory => Location.Folder;

    /// <summary>The bundle in use, or null when the data comes from a folder.</summary>
    public DataBundle? Bundle => Location.Bundle;

    /// <summary>The policy and trade tables (of the folder, or carried in the bundle).</summary>
    public DataFiles Files { get; }

    /// <summary>True when the catalogue, countries and policy come compiled from the bundle (no YAML parsed).</summary>
    public bool UsesCompiledRulebook { get; }

    /// <summary>What the user should know about the data in use: revisions newer than the rulebook, a synced bundle
    /// passed over. Empty for the embedded bundle.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The rulebook in use.</summary>
    public RulebookFiles Rulebook { get; }

    /// <summary>The HTS revisions and their dates.</summary>
    public RevisionCatalogue Catalogue { get; }

    /// <summary>Countries and country groups.</summary>
    public CountryDirectory Countries { get; }

    /// <summary>The HTS revisions, loaded on demand.</summary>
    public ScheduleArchive Archive { get; }

    /// <summary>The search index of a revision: ready-made from the bundle when it has one (the newest revision), else built
    /// (the first search of a revision tokenises its 36,000 description paths) and cached while the schedule lives.</summary>
    /// <exception cref="InvalidBundleException">The bundle's index section is damaged.</exception>
    public Levy.Core.Search.ScheduleSearchIndex SearchIndex(TariffSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (Bundle is { } bundle && Archive.Get(schedule.Revision) == schedule && !SearchIndexes.TryGetValue(schedule, out _)
            && bundle.SearchIndex(schedule) is { } ready)
        {
            Levy.Core.Search.ScheduleSearchIndex.Use(schedule, ready);
            SearchIndexes.AddOrUpdate(schedule, ready);
        }

        return Levy.Core.Search.ScheduleSearchIndex.For(schedule);
    }

    private System.Runtime.CompilerServices.ConditionalWeakTable<TariffSchedule, Levy.Core.Search.ScheduleSearchIndex> SearchIndexes { get; } = new();

    /// <summary>The entry fees and thresholds of the rulebook (<c>fees.yaml</c>), read on first use.</summary>
    /// <exception cref="RulebookException">fees.yaml is malformed (thrown on first use).</exception>
    public FeeSchedule Fees => _fees.Value;

    /// <summary>Opens the data: finds it (<see cref="DataLocator.Find"/>), reads the catalogue and the country tables.
    /// Revisions load on demand.</summary>
    /// <param name="dataDir">An explicit data folder, or null to search.</param>
    /// <param name="rulebook">The rulebook, or null for the embedded one.</param>
    /// <exception cref="DataNotFoundException">No data is found.</exception>
    /// <exception cref="Tables.CsvDataException">A table of the data folder is malformed.</exception>
    /// <exception cref="RulebookException">A rulebook file is malformed.</exception>
    /// <exception cref="InvalidBundleException">The bundle is damaged.</exception>
    public static LevyData Open(string? dataDir = null, RulebookFiles? rulebook = null) => Open(DataLocator.Find(dataDir), rulebook);

    /// <summary>Opens the data in a known folder.</summary>
    /// <inheritdoc cref="Open(string?, RulebookFiles?)"/>
    public static LevyData Open(DataDirectory directory, RulebookFiles? rulebook = null) => Open(new DataLocation(directory), rulebook);

    /// <summary>Opens the data of a bundle.</summary>
    /// <inheritdoc cref="Open(string?, RulebookFiles?)"/>
    public static LevyData Open(DataBundle bundle, RulebookFiles? rulebook = null) => Open(new DataLocation(bundle, bundle.Path is null ? DataLocator.EmbeddedSource : "--data-dir"), rulebook);

    /// <summary>Opens the data at a location.</summary>
    /// <inheritdoc cref="Open(string?, RulebookFiles?)"/>
    public static LevyData Open(DataLocation location, RulebookFiles? rulebook = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        rulebook ??= RulebookFiles.Embedded;
        if (location.Bundle is { } bundle)
        {
            if (bundle.RulebookFingerprint == rulebook.Fingerprint)
            {
                RevisionCatalogue compiled = bundle.ReadCatalogue();
                return new LevyData(location, bundle.Files, rulebook, compiled, bundle.ReadCountries(), new ScheduleArchive(bundle, compiled),
                    bundle.ReadPolicy, bundle.ReadTimeline, compiled: true);
            }

            // The rulebook is not the one the bundle was compiled with (an edited or newer rulebook): read it as a folder would be.
            return FromTables(location, bundle.Files, rulebook, catalogue => new ScheduleArchive(bundle, catalogue));
        }

        DataDirectory directory = location.Folder!;
        string dates = directory.Policy("revision_dates.csv");
        if (!File.Exists(dates))
        {
            throw new DataNotFoundException($"The revision-date table is missing: {dates}. Run `levy data sync` to fetch it.");
        }

        return FromTables(location, DataFiles.Folder(directory), rulebook, catalogue => new ScheduleArchive(directory, catalogue));
    }

    private static LevyData FromTables(DataLocation location, DataFiles files, RulebookFiles rulebook, Func<RevisionCatalogue, ScheduleArchive> archive)
    {
        RevisionCatalogue catalogue = RevisionCatalogueReader.Read(files, rulebook);
        CountryDirectory countries = CountryDirectoryReader.Read(rulebook, files);
        return new LevyData(location, files, rulebook, catalogue, countries, archive(catalogue),
            () => PolicyRulebookReader.Read(rulebook, files, countries, catalogue), () => PolicyRulebookReader.ReadTimeline(rulebook, catalogue), compiled: false);
    }
}
