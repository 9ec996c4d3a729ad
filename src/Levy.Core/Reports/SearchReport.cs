using Levy.Core.Schedule;
using Levy.Core.Search;

namespace Levy.Core.Reports;

/// <summary>The results of a full-text search as <c>levy search --json</c> and <c>GET /api/v1/search</c> report them.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Query">The query as given.</param>
/// <param name="Revision">The short name of the revision searched.</param>
/// <param name="Results">The hits, best first.</param>
public sealed record SearchReport(string Query, string Revision, IReadOnlyList<SearchResultView> Results)
{
    /// <summary>The report of a search.</summary>
    /// <param name="query">The query as given.</param>
    /// <param name="schedule">The revision searched.</param>
    /// <param name="hits">Its hits, best first.</param>
    public static SearchReport From(string query, TariffSchedule schedule, IReadOnlyList<SearchHit> hits) =>
        new(query, schedule.Revision.ShortName, hits.Select((h, i) => new SearchResultView(
            i + 1, h.Product.Code.ToString(), h.Score, h.Product.Line.Description, h.Product.FullDescription, h.Product.General?.Text)).ToList());
}
