using System.Collections.Immutable;
using Levy.Core.Calculation;
using Levy.Core.Primitives;

namespace Levy.Core.Panels;

/// <summary>A named set of countries whose rates are averaged together: one country (<c>JP</c>), a group (<c>EU</c>) or
/// every partner.</summary>
/// <remarks>Immutable.</remarks>
public sealed class SeriesGroup
{
    /// <summary>Creates a group.</summary>
    /// <param name="name">The name shown (<c>JP</c>, <c>EU</c>, <c>all partners</c>).</param>
    /// <param name="members">The countries.</param>
    /// <param name="countryWeights">When given, each country's own mean is weighted by its imports (an average over countries);
    /// otherwise every product-country pair counts the same (with <see cref="ImportWeights"/>, by its import value).</param>
    public SeriesGroup(string name, IEnumerable<CountryCode> members, CountryWeights? countryWeights = null)
    {
        Name = name;
        Members = [.. members.Distinct()];
        CountryWeights = countryWeights;
    }

    /// <summary>The name shown.</summary>
    public string Name { get; }

    /// <summary>The countries.</summary>
    public ImmutableArray<CountryCode> Members { get; }

    /// <summary>How countries are weighted against each other, or null to pool their pairs.</summary>
    public CountryWeights? CountryWeights { get; }
}

/// <summary>A daily series of effective tariff rates for a group of countries: the mean total and the mean of each
/// authority's component, per day.</summary>
/// <remarks>Means are over the product-country pairs in force that day (pairs whose code is printed in the governing
/// revision), unweighted or weighted (<see cref="Weighting"/>). A day with no pair is NaN. Immutable.</remarks>
public sealed class RateSeries
{
    private readonly double[][] _components;

    internal RateSeries(string name, string weighting, DateOnly from, double[] total, double[][] components, double[] pairs, double[] needsValue,
        double[] estimated)
    {
        AveEstimatedShares = estimated;
        Name = name;
        Weighting = weighting;
        From = from;
        Totals = total;
        _components = components;
        Pairs = pairs;
        NeedsValueShares = needsValue;
    }

    /// <summary>The group's name.</summary>
    public string Name { get; }

    /// <summary>How pairs and countries were weighted.</summary>
    public string Weighting { get; }

    /// <summary>The first day.</summary>
    public DateOnly From { get; }

    /// <summary>The number of days.</summary>
    public int Days => Totals.Count;

    /// <summary>The last day.</summary>
    public DateOnly To => From.AddDays(Days - 1);

    /// <summary>The mean total rate of each day (a fraction of value).</summary>
    public IReadOnlyList<double> Totals { get; }

    /// <summary>The number of pairs in force each day (or, weighted, their total weight).</summary>
    public IReadOnlyList<double> Pairs { get; }

    /// <summary>The share of the pairs (by weight) whose total is a lower bound because a specific duty needs value.</summary>
    public IReadOnlyList<double> NeedsValueShares { get; }

    /// <summary>The share of the pairs (by weight) whose specific or compound ordinary rate has an ad valorem equivalent
    /// estimated from a unit value (0 when the panel had none).</summary>
    public IReadOnlyList<double> AveEstimatedShares { get; }

    /// <summary>The mean component of one authority, each day.</summary>
    public IReadOnlyList<double> Component(Authority authority) => _components[(int)authority];

    /// <summary>The date of a day index.</summary>
    public DateOnly DateOf(int day) => From.AddDays(day);

    /// <summary>The mean of the daily totals over the days that have pairs.</summary>
    public double Average() => Totals.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();

    /// <summary>The spans of consecutive days over which the total, the number of pairs and the components of
    /// <paramref name="components"/> (default: every authority) all stay the same, in order; together they cover the series.</summary>
    /// <param name="components">The authorities whose components must stay the same within a span, or null for all.</param>
    /// <returns>The first and last day index of each span.</returns>
    public IEnumerable<(int First, int Last)> Spans(IReadOnlyCollection<Authority>? components = null)
    {
        Authority[] watched = components is null ? Enum.GetValues<Authority>() : [.. components];
        int start = 0;
        for (int d = 1; d <= Days; d++)
        {
            if (d == Days || !Same(d, start))
            {
                yield return (start, d - 1);
                start = d;
            }
        }

        bool Same(int a, int b)
        {
            if (!SameValue(Totals[a], Totals[b]) || !SameValue(Pairs[a], Pairs[b]))
            {
                return false;
            }

            foreach (Authority x in watched)
            {
                if (!SameValue(_components[(int)x][a], _components[(int)x][b]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The same series over a range of its days.</summary>
    /// <param name="from">The first day kept.</param>
    /// <param name="to">The last day kept.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is reversed or not within the series.</exception>
    public RateSeries Slice(DateOnly from, DateOnly to)
    {
        if (from < From || to > To || to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"{from:yyyy-MM-dd} to {to:yyyy-MM-dd} is not within the series ({From:yyyy-MM-dd} to {To:yyyy-MM-dd}).");
        }

        int first = from.DayNumber - From.DayNumber, count = to.DayNumber - from.DayNumber + 1;
        double[] Cut(IReadOnlyList<double> values) => [.. values.Skip(first).Take(count)];
        return new RateSeries(Name, Weighting, from, Cut(Totals), [.. _components.Select(Cut)], Cut(Pairs), Cut(NeedsValueShares), Cut(AveEstimatedShares));
    }

    /// <summary>The days on which the total changes (and the first day): the steps of the series.</summary>
    public IEnumerable<int> Steps()
    {
        for (int d = 0; d < Days; d++)
        {
            if (d == 0 || !SameValue(Totals[d], Totals[d - 1]))
            {
                yield return d;
            }
        }
    }

    private static bool SameValue(double a, double b) => (double.IsNaN(a) && double.IsNaN(b)) || Math.Abs(a - b) < 1e-9;
}

/// <summary>Accumulates panel rows into daily effective-rate series for groups of countries.</summary>
/// <remarks>
/// <para>Each row adds its values to the days it covers (difference arrays, so a row costs the same whatever its length).
/// Unweighted, every product-country pair in force counts once; with <see cref="ImportWeights"/>, by its import value
/// (pairs without imports drop out); a group with <see cref="SeriesGroup.CountryWeights"/> averages its countries' own
/// means weighted by their imports.</para>
/// <para>Not thread-safe (a panel build calls its sink from one thread).</para>
/// </remarks>
public sealed class RateSeriesBuilder : IPanelSink
{
    private const int Measures = PanelValues.AuthorityCount + 4; // components, total, weight, needs-value weight, estimated weight
    private readonly DateOnly _from;
    private readonly int _days;
    private readonly IReadOnlyList<SeriesGroup> _groups;
    private readonly ImportWeights? _weights;
    private readonly Dictionary<CountryCode, double[][]> _byCountry = [];

    /// <summary>Creates a builder.</summary>
    /// <param name="from">The first day of the series.</param>
    /// <param name="to">The last day.</param>
    /// <param name="groups">The groups to build a series for.</param>
    /// <param name="weights">Import values per product and country, or null for unweighted means.</param>
    /// <exception cref="ArgumentException">The dates are reversed or no group is given.</exception>
    public RateSeriesBuilder(DateOnly from, DateOnly to, IReadOnlyList<SeriesGroup> groups, ImportWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(groups);
        if (to < from || groups.Count == 0)
        {
            throw new ArgumentException("A series needs a first day no later than its last day, and at least one group.");
        }

        _from = from;
        _days = to.DayNumber - from.DayNumber + 1;
        _groups = groups;
        _weights = weights;
        foreach (CountryCode c in groups.SelectMany(g => g.Members).Distinct())
        {
            _byCountry[c] = [.. Enumerable.Range(0, Measures).Select(_ => new double[_days + 1])];
        }
    }

    /// <summary>The countries whose rows are needed.</summary>
    public IEnumerable<CountryCode> Countries => _byCountry.Keys;

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<PanelInterval> rows)
    {
        foreach (ref readonly PanelInterval row in rows)
        {
            if (!_byCountry.TryGetValue(row.Country, out double[][]? sums))
            {
                continue;
            }

            double w = _weights is null ? 1d : (double)_weights.WeightOf(row.Product, row.Country);
            int first = Math.Max(0, row.ValidFrom.DayNumber - _from.DayNumber);
            int end = Math.Min(_days, row.ValidUntil.DayNumber - _from.DayNumber + 1);
            if (w == 0d || end <= first)
            {
                continue;
            }

            PanelValues v = row.Values;
            for (int a = 0; a < PanelValues.AuthorityCount; a++)
            {
                Add(sums[a], w * (double)v[(Authority)a]);
            }

            Add(sums[PanelValues.AuthorityCount], w * (double)v.Total);
            Add(sums[PanelValues.AuthorityCount + 1], w);
            if (v.NeedsValue)
            {
                Add(sums[PanelValues.AuthorityCount + 2], w);
            }

            if (v.AveEstimated)
            {
                Add(sums[PanelValues.AuthorityCount + 3], w);
            }

            void Add(double[] diff, double value)
            {
                diff[first] += value;
                diff[end] -= value;
            }
        }
    }

    /// <summary>The series of each group, in the order given.</summary>
    public IReadOnlyList<RateSeries> Build()
    {
        var running = new Dictionary<CountryCode, double[][]>();
        foreach (var (country, diffs) in _byCountry)
        {
            running[country] = [.. diffs.Select(PrefixSums)];
        }

        string pairs = _weights is null ? "unweighted (every product-country pair counts once)" : $"import-weighted ({_weights.Source})";
        var result = new List<RateSeries>(_groups.Count);
        foreach (SeriesGroup g in _groups)
        {
            var components = new double[PanelValues.AuthorityCount][];
            for (int a = 0; a < components.Length; a++)
            {
                components[a] = new double[_days];
            }

            var total = new double[_days];
            var weight = new double[_days];
            var needs = new double[_days];
            var estimated = new double[_days];
            var sumComponents = new double[PanelValues.AuthorityCount];
            for (int d = 0; d < _days; d++)
            {
                double sumWeight = 0, sumTotal = 0, sumNeeds = 0, sumEstimated = 0, pairCount = 0;
                Array.Clear(sumComponents);
                foreach (CountryCode c in g.Members)
                {
                    double[][] s = running[c];
                    double n = s[PanelValues.AuthorityCount + 1][d];
                    if (n <= 1e-12)
                    {
                        continue;
                    }

                    pairCount += n;
                    double cw = g.CountryWeights is { } cws ? (double)cws.WeightOf(c) / n : 1d;
                    if (cw == 0d)
                    {
                        continue;
                    }

                    sumWeight += cw * n;
                    sumTotal += cw * s[PanelValues.AuthorityCount][d];
                    sumNeeds += cw * s[PanelValues.AuthorityCount + 2][d];
                    sumEstimated += cw * s[PanelValues.AuthorityCount + 3][d];
                    for (int a = 0; a < sumComponents.Length; a++)
                    {
                        sumComponents[a] += cw * s[a][d];
                    }
                }

                total[d] = sumWeight > 0 ? sumTotal / sumWeight : double.NaN;
                needs[d] = sumWeight > 0 ? sumNeeds / sumWeight : double.NaN;
                estimated[d] = sumWeight > 0 ? sumEstimated / sumWeight : double.NaN;
                weight[d] = pairCount;
                for (int a = 0; a < sumComponents.Length; a++)
                {
                    components[a][d] = sumWeight > 0 ? sumComponents[a] / sumWeight : double.NaN;
                }
            }

            string weighting = g.CountryWeights is { } byCountry ? $"{pairs} within each country; countries weighted by their imports ({byCountry.Source})" : pairs;
            result.Add(new RateSeries(g.Name, weighting, _from, total, components, weight, needs, estimated));
        }

        return result;
    }

    private double[] PrefixSums(double[] diff)
    {
        var values = new double[_days];
        double running = 0;
        for (int d = 0; d < _days; d++)
        {
            running += diff[d];
            values[d] = running;
        }

        return values;
    }
}
