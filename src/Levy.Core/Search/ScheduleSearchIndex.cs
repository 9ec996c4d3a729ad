using Levy.Core.Primitives;
using Levy.Core.Schedule;

namespace Levy.Core.Search;

/// <summary>A ranked full-text index over the description paths of one schedule's coded lines (Chapter 99 included).</summary>
/// <remarks>
/// <para>Scoring is BM25 over the full description path (the line and its ancestors), plus half the BM25 of the line's own
/// description, so that the line that itself says "Used" beats its siblings for "used cars". A query that is an HTS code
/// (or a prefix such as <c>8703.23</c>) returns the lines under it in schedule order.</para>
/// <para>Build once per schedule (<see cref="For"/> caches it); queries allocate only their result. Immutable and thread-safe.</para>
/// </remarks>
public sealed class ScheduleSearchIndex
{
    private const double K1 = 1.2, B = 0.75, OwnWeight = 0.5;
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<TariffSchedule, ScheduleSearchIndex> Cache = new();

    private readonly TariffSchedule _schedule;
    private readonly int[] _lineIndex;                  // document -> line position in the schedule
    private readonly int[] _pathLength;                 // document -> number of terms in its path
    private readonly int[] _ownLength;
    private readonly double _averagePath, _averageOwn;
    private readonly Dictionary<string, Posting[]> _postings;

    /// <summary>One document that holds a term: how often in its path and in its own description.</summary>
    internal readonly record struct Posting(int Document, short PathCount, short OwnCount);

    /// <summary>An index from its parts, as <see cref="Parts"/> gives them (a data bundle stores the newest revision's).</summary>
    internal ScheduleSearchIndex(TariffSchedule schedule, int[] lineIndex, int[] pathLength, int[] ownLength, Dictionary<string, Posting[]> postings)
    {
        _schedule = schedule;
        _lineIndex = lineIndex;
        _pathLength = pathLength;
        _ownLength = ownLength;
        (_averagePath, _averageOwn) = Averages(pathLength, ownLength);
        _postings = postings;
    }

    /// <summary>The parts of the index: for each document its line, path length and own length, and the postings of each term.</summary>
    internal (int[] LineIndex, int[] PathLength, int[] OwnLength, IReadOnlyDictionary<string, Posting[]> Postings) Parts =>
        (_lineIndex, _pathLength, _ownLength, _postings);

    /// <summary>Makes <paramref name="index"/> the one <see cref="For"/> gives for <paramref name="schedule"/> (an index read
    /// ready-made rather than built).</summary>
    internal static void Use(TariffSchedule schedule, ScheduleSearchIndex index) => Cache.AddOrUpdate(schedule, index);

    private static (double Path, double Own) Averages(int[] pathLength, int[] ownLength) =>
        (pathLength.Length == 0 ? 1 : pathLength.Average(), ownLength.Length == 0 ? 1 : Math.Max(1, ownLength.Average()));

    private ScheduleSearchIndex(TariffSchedule schedule)
    {
        _schedule = schedule;
        var lines = new List<int>();
        var pathLengths = new List<int>();
        var ownLengths = new List<int>();
        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var termsOf = new List<string>[schedule.Lines.Length];

        for (int i = 0; i < schedule.Lines.Length; i++)
        {
            HtsLine line = schedule.Lines[i];
            termsOf[i] = SearchTokenizer.Terms(line.Description);
            if (line.Code.IsEmpty)
            {
                continue;
            }

            var pathCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            int pathLength = 0;
            for (int p = i; p >= 0; p = schedule.ParentOf(p))
            {
                termsOf[p] ??= SearchTokenizer.Terms(schedule.Lines[p].Description);
                foreach (string t in termsOf[p])
                {
                    pathCounts[t] = pathCounts.GetValueOrDefault(t) + 1;
                    pathLength++;
                }
            }

            var ownCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (string t in termsOf[i])
            {
                ownCounts[t] = ownCounts.GetValueOrDefault(t) + 1;
            }

            int doc = lines.Count;
            lines.Add(i);
            pathLengths.Add(pathLength);
            ownLengths.Add(termsOf[i].Count);
            foreach ((string term, int count) in pathCounts)
            {
                if (!postings.TryGetValue(term, out List<Posting>? list))
                {
                    postings[term] = list = [];
                }

                list.Add(new Posting(doc, (short)Math.Min(count, short.MaxValue), (short)Math.Min(ownCounts.GetValueOrDefault(term), short.MaxValue)));
            }
        }

        _lineIndex = [.. lines];
        _pathLength = [.. pathLengths];
        _ownLength = [.. ownLengths];
        (_averagePath, _averageOwn) = Averages(_pathLength, _ownLength);
        _postings = postings.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The number of coded lines indexed.</summary>
    public int DocumentCount => _lineIndex.Length;

    /// <summary>The index of a schedule, built on first use and cached while the schedule lives.</summary>
    public static ScheduleSearchIndex For(TariffSchedule schedule) => Cache.GetValue(schedule, s => new ScheduleSearchIndex(s));

    /// <summary>Finds the lines that best match <paramref name="query"/>.</summary>
    /// <param name="query">Words (<c>passenger motor vehicles spark ignition</c>) or an HTS code or prefix.</param>
    /// <param name="limit">The most hits to return.</param>
    /// <param name="statisticalOnly">Only 10-digit lines (what an entry declares).</param>
    /// <returns>Hits, best first; empty when nothing matches.</returns>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 10, bool statisticalOnly = false)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        if (HtsCode.TryParse(query, out HtsCode prefix, out _))
        {
            return _schedule.LinesWithin(prefix)
                .Where(l => !statisticalOnly || l.Code.IsStatisticalLine)
                .Take(limit)
                .Select(l => new SearchHit(_schedule.ProductAt(_schedule.IndexOf(l.Code)), 1.0, [.. SearchTokenizer.Terms(l.Description)]))
                .ToList();
        }

        List<string> terms = SearchTokenizer.Terms(query).Distinct().ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var scores = new Dictionary<int, (double Score, int Matched)>();
        int n = _lineIndex.Length;
        foreach (string term in terms)
        {
            if (!_postings.TryGetValue(term, out Posting[]? postings))
            {
                continue;
            }

            double idf = Math.Log(1 + (n - postings.Length + 0.5) / (postings.Length + 0.5));
            foreach (Posting p in postings)
            {
                double tfPath = p.PathCount * (K1 + 1) / (p.PathCount + K1 * (1 - B + B * _pathLength[p.Document] / _averagePath));
                double tfOwn = p.OwnCount * (K1 + 1) / (p.OwnCount + K1 * (1 - B + B * _ownLength[p.Document] / _averageOwn));
                double s = idf * (tfPath + OwnWeight * tfOwn);
                scores[p.Document] = scores.TryGetValue(p.Document, out var prior) ? (prior.Score + s, prior.Matched + 1) : (s, 1);
            }
        }

        return scores
            .Where(kv => !statisticalOnly || _schedule.Lines[_lineIndex[kv.Key]].Code.IsStatisticalLine)
            .OrderByDescending(kv => kv.Value.Matched)
            .ThenByDescending(kv => kv.Value.Score)
            .ThenBy(kv => kv.Key)
            .Take(limit)
            .Select(kv => new SearchHit(_schedule.ProductAt(_lineIndex[kv.Key]), Math.Round(kv.Value.Score, 3), terms))
            .ToList();
    }
}

/// <summary>One search result.</summary>
/// <param name="Product">The matching line, with its inherited rates and description path.</param>
/// <param name="Score">The relevance score (higher is better; comparable within one query only).</param>
/// <param name="Terms">The query terms, as normalised for matching.</param>
public sealed record SearchHit(HtsProduct Product, double Score, IReadOnlyList<string> Terms);
