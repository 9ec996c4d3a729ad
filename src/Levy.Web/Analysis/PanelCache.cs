using System.Diagnostics;
using Levy.Core.Calculation;
using Levy.Core.Panels;
using Levy.Core.Primitives;
using Levy.Data;
using Levy.Data.Trade;
using Levy.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Levy.Web.Analysis;

/// <summary>The panels of single countries under one rulebook each (the actual one or a scenario), built on first use and
/// kept in memory, from which the effective-rate series (<c>GET /api/v1/etr</c>) and country comparisons
/// (<c>GET /api/v1/scenarios/compare/aggregate</c>) are answered.</summary>
/// <remarks>
/// <para>A panel covers every product of the data (or <see cref="LevyOptions.PanelProducts"/>) over the whole range of
/// the data, with the USMCA shares of <c>levy etr</c>'s default, reduced to <see cref="PanelMeans"/> (about 1.6 MB). One
/// country's panel is about a million product plans and takes seconds to build (docs/web.md has the numbers), so:</para>
/// <list type="bullet">
/// <item>builds run one at a time, on <see cref="LevyOptions.PanelParallelism"/> processors, and at most
/// <see cref="MaxPendingBuilds"/> wait; beyond that a request is told to come back (<see cref="PanelLookup.Busy"/>);</item>
/// <item>a request waits at most <see cref="LevyOptions.PanelWaitSeconds"/> for its panel, then is told to come back
/// while the build goes on (a client that gives up does not stop it either);</item>
/// <item>at most <see cref="LevyOptions.MaxCachedPanels"/> panels are kept; the least recently used goes first;</item>
/// <item>a build that fails is forgotten, so the next request tries again; builds stop when the server stops.</item>
/// </list>
/// <para>Thread-safe; a singleton.</para>
/// </remarks>
public sealed partial class PanelCache : IDisposable
{
    /// <summary>How many builds may be queued or running at once.</summary>
    public const int MaxPendingBuilds = 4;

    private readonly LevyData _data;
    private readonly LevyOptions _options;
    private readonly ILogger<PanelCache> _logger;
    private readonly CancellationToken _stopping;
    private readonly Dictionary<(string Scenario, CountryCode Country), Entry> _entries = [];
    private readonly SemaphoreSlim _oneBuild = new(1, 1);
    private readonly Lazy<PreferenceShares> _usmca;
    private readonly System.Collections.Immutable.ImmutableArray<HtsCode> _products;
    private long _clock;
    private int _pending;
    private double _lastBuildSeconds;

    /// <summary>Creates the cache.</summary>
    /// <param name="data">The data and its rulebooks.</param>
    /// <param name="options">The limits.</param>
    /// <param name="lifetime">Stops builds when the server stops.</param>
    /// <param name="logger">Logs each build.</param>
    public PanelCache(LevyData data, IOptions<LevyOptions> options, IHostApplicationLifetime lifetime, ILogger<PanelCache> logger)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(lifetime);
        _data = data;
        _options = options.Value;
        _logger = logger;
        _stopping = lifetime.ApplicationStopping;
        _usmca = new Lazy<PreferenceShares>(() => TradeTables.ReadUsmcaShares(data.Files, data.Countries));
        _products = [.. _options.PanelProducts.Select(HtsCode.Parse)];
    }

    /// <summary>The products the panels are restricted to (<see cref="LevyOptions.PanelProducts"/>), or null for all.</summary>
    public IReadOnlyList<string>? ProductScope => _products.IsEmpty ? null : [.. _products.Select(p => p.ToString())];

    /// <summary>How many panels are in memory (built or being built).</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The panel of one country under one rulebook: from memory, or built now (waiting at most
    /// <see cref="LevyOptions.PanelWaitSeconds"/>).</summary>
    /// <param name="scenario">The rulebook: <c>actual</c> or a scenario's name (checked by the caller).</param>
    /// <param name="country">The country.</param>
    /// <param name="requestAborted">Stops waiting (not the build) when the client goes away.</param>
    /// <returns>The panel, or why there is none yet and when to ask again.</returns>
    /// <exception cref="OperationCanceledException">The client went away, or the server is stopping.</exception>
    public async Task<PanelLookup> GetAsync(string scenario, CountryCode country, CancellationToken requestAborted)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Entry entry;
        lock (_entries)
        {
            if (_entries.TryGetValue((scenario, country), out Entry? found))
            {
                entry = found;
            }
            else if (_pending >= MaxPendingBuilds)
            {
                return PanelLookup.Busy(RetryAfterSeconds(_pending), _pending);
            }
            else
            {
                _pending++;
                entry = new Entry();
                _entries[(scenario, country)] = entry;
                entry.Build = Task.Run(() => BuildAsync(scenario, country, entry), CancellationToken.None);
            }

            entry.LastUsed = ++_clock;
        }

        try
        {
            PanelMeans panel = await entry.Build.WaitAsync(TimeSpan.FromSeconds(_options.PanelWaitSeconds), requestAborted);
            return PanelLookup.Ready(panel, entry.Seconds);
        }
        catch (TimeoutException)
        {
            return PanelLookup.Building(RetryAfterSeconds(Volatile.Read(ref _pending)));
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _oneBuild.Dispose();

    /// <summary>When to ask again: the last build's time (10 s before any) for each build queued or running.</summary>
    private int RetryAfterSeconds(int builds)
    {
        double last = Volatile.Read(ref _lastBuildSeconds);
        return (int)Math.Ceiling((last > 0 ? last : 10d) * Math.Max(1, builds));
    }

    private async Task<PanelMeans> BuildAsync(string scenario, CountryCode country, Entry entry)
    {
        try
        {
            await _oneBuild.WaitAsync(_stopping);
            try
            {
                TariffEngine engine = _data.ScenarioEngine(scenario).Engine;
                var request = new PanelRequest
                {
                    Countries = [country],
                    Products = _products,
                    Preferences = _usmca.Value,
                    MaxParallelism = _options.PanelParallelism > 0 ? _options.PanelParallelism : Math.Max(1, Environment.ProcessorCount - 1),
                };
                var clock = Stopwatch.StartNew();
                PanelMeans panel = await Task.Factory.StartNew(() => PanelMeans.Measure(engine, request, null, _stopping), _stopping,
                    TaskCreationOptions.LongRunning, TaskScheduler.Default);
                entry.Seconds = Math.Round(clock.Elapsed.TotalSeconds, 2);
                Volatile.Write(ref _lastBuildSeconds, entry.Seconds);
                LogBuilt(_logger, country.Value, scenario, panel.Summary.Products, panel.Summary.Plans, (long)clock.Elapsed.TotalMilliseconds);
                return panel;
            }
            finally
            {
                _oneBuild.Release();
            }
        }
        catch (Exception e)
        {
            lock (_entries)
            {
                if (_entries.TryGetValue((scenario, country), out Entry? current) && current == entry)
                {
                    _entries.Remove((scenario, country));
                }
            }

            if (e is not OperationCanceledException)
            {
                LogFailed(_logger, country.Value, scenario, e);
            }

            throw;
        }
        finally
        {
            lock (_entries)
            {
                _pending--;
                Evict();
            }
        }
    }

    /// <summary>Drops the least recently used built panels beyond the limit (called under the lock).</summary>
    private void Evict()
    {
        int excess = _entries.Count - _options.MaxCachedPanels;
        if (excess <= 0)
        {
            return;
        }

        foreach (var key in _entries.Where(e => e.Value.Build.IsCompleted).OrderBy(e => e.Value.LastUsed).Take(excess).Select(e => e.Key).ToList())
        {
            _entries.Remove(key);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Built the panel of {Country} under {Scenario}: {Products} products, {Plans} plans in {ElapsedMs} ms")]
    private static partial void LogBuilt(ILogger logger, string country, string scenario, int products, long plans, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the panel of {Country} under {Scenario} failed")]
    private static partial void LogFailed(ILogger logger, string country, string scenario, Exception exception);

    /// <summary>A panel in memory or being built.</summary>
    private sealed class Entry
    {
        internal Task<PanelMeans> Build { get; set; } = null!;

        internal long LastUsed { get; set; }

        internal double Seconds { get; set; }
    }
}

/// <summary>What <see cref="PanelCache.GetAsync"/> found: the panel, or when to ask again.</summary>
/// <param name="Panel">The panel, or null when it is not ready.</param>
/// <param name="BuildSeconds">How long the panel took to build.</param>
/// <param name="RetryAfterSeconds">When there is no panel: when to ask again.</param>
/// <param name="BuildsAhead">When there is no panel because too many are being built: how many.</param>
public sealed record PanelLookup(PanelMeans? Panel, double BuildSeconds, int RetryAfterSeconds, int BuildsAhead)
{
    internal static PanelLookup Ready(PanelMeans panel, double seconds) => new(panel, seconds, 0, 0);

    internal static PanelLookup Building(int retryAfter) => new(null, 0, retryAfter, 0);

    internal static PanelLookup Busy(int retryAfter, int builds) => new(null, 0, retryAfter, builds);
}
