using System.Diagnostics;
using Levy.Core.Schedule;
using Levy.Data;
using Microsoft.Extensions.Options;

namespace Levy.Web.Hosting;

/// <summary>Loads the data in the background once the server is listening: the revision in force today and its search
/// index, the rate engine's rulebook and the scenarios' engines, then every other revision (a history reads them all; indexes of other revisions
/// are built when first searched), so that the first requests of the page are answered from memory.</summary>
internal sealed partial class DataWarmup(LevyData data, TimeProvider clock, IOptions<LevyOptions> options, ILogger<DataWarmup> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Warmup)
        {
            return Task.CompletedTask;
        }

        return Task.Run(() => Warm(stoppingToken), stoppingToken);
    }

    private void Warm(CancellationToken stoppingToken)
    {
        var clockwatch = Stopwatch.StartNew();
        try
        {
            RevisionCatalogue catalogue = data.Catalogue;
            DateOnly today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
            DateOnly day = today < catalogue.FirstDate ? catalogue.FirstDate : today > catalogue.Horizon ? catalogue.Horizon : today;
            data.SearchIndex(data.Archive.ForEntryDate(day));
            _ = data.Engine; // reads the rulebook and its product lists
            foreach (string scenario in data.ScenarioNames)
            {
                data.ScenarioEngine(scenario); // a few milliseconds each: the overlay and an engine over it, kept for the process
            }

            foreach (HtsRevision r in catalogue.Revisions)
            {
                stoppingToken.ThrowIfCancellationRequested();
                data.Archive.Get(r.Id);
            }

            LogWarm(logger, catalogue.Revisions.Length, clockwatch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            LogWarmFailed(logger, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {RevisionCount} HTS revisions in {ElapsedMs} ms")]
    private static partial void LogWarm(ILogger logger, int revisionCount, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loading the data in the background failed; requests will load what they need")]
    private static partial void LogWarmFailed(ILogger logger, Exception exception);
}
