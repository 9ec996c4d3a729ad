using System.Collections.Immutable;
using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Core.Panels;

/// <summary>Builds a panel: for every product and every country, the duties by authority over a range of dates, as
/// intervals in which nothing changes.</summary>
/// <remarks>
/// <para>The work is product-major: for each product, each epoch of the range in which the product is printed gets one
/// plan (<see cref="TariffEngine.BuildPlan"/>, not cached), evaluated once per class of countries
/// (<see cref="OriginClasses"/>); the rows of each country are then merged while their values stay equal. Products are
/// split into chunks evaluated in parallel; the sink receives them in code order, from the calling thread.</para>
/// <para>Products are the HTS-10 statistical lines of chapters 1–97 printed in any revision governing the range, and the
/// 8-digit tariff lines printed without statistical suffixes. Chapters 98 (special classification) and 99 (the
/// additional duties themselves) are not products.</para>
/// <para>Thread-safe: a builder holds no state between builds.</para>
/// </remarks>
public sealed class PanelBuilder
{
    private const int ChunkSize = 48;
    private readonly TariffEngine _engine;

    /// <summary>Creates a builder over an engine (the actual rulebook or a scenario).</summary>
    public PanelBuilder(TariffEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>The products of a panel over a range of dates, in code order.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="prefixes">Codes or prefixes to keep; empty for all.</param>
    /// <exception cref="DateOutsideDataException">A bound is outside the data.</exception>
    public IReadOnlyList<HtsCode> ProductsBetween(DateOnly from, DateOnly to, ImmutableArray<HtsCode> prefixes = default)
    {
        var codes = new HashSet<HtsCode>();
        foreach (HtsRevisionId revision in RevisionsBetween(from, to))
        {
            TariffSchedule schedule = _engine.Schedule(revision);
            var withSuffixes = new HashSet<HtsCode>();
            foreach (HtsLine line in schedule.Lines)
            {
                if (line.Code.IsStatisticalLine)
                {
                    withSuffixes.Add(line.Code.Truncate(8));
                }
            }

            foreach (HtsLine line in schedule.Lines)
            {
                HtsCode code = line.Code;
                if (code.IsEmpty || code.Chapter >= 98 || !(code.IsStatisticalLine || (code.IsTariffLine && !withSuffixes.Contains(code))))
                {
                    continue;
                }

                if (prefixes.IsDefaultOrEmpty || prefixes.Any(code.IsWithin))
                {
                    codes.Add(code);
                }
            }
        }

        return [.. codes.Order()];
    }

    /// <summary>Builds a panel and writes its rows to <paramref name="sink"/>.</summary>
    /// <param name="request">The countries, dates and products.</param>
    /// <param name="sink">Receives the rows, one product at a time, in code order.</param>
    /// <param name="progress">Reports progress after each chunk of products.</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <returns>What was built, with the counts of rows before and after merging.</returns>
    /// <exception cref="DateOutsideDataException">A bound is outside the data.</exception>
    /// <exception cref="ArgumentException">The request names no country, or its dates are reversed.</exception>
    /// <exception cref="OperationCanceledException">The build was cancelled.</exception>
    public PanelSummary Build(PanelRequest request, IPanelSink sink, IProgress<PanelProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(sink);
        if (request.Countries.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A panel needs at least one country.", nameof(request));
        }

        if (request.Countries.FirstOrDefault(_engine.Countries.IsDomestic) is { IsEmpty: false } domestic)
        {
            throw new ArgumentException($"{domestic} is the customs territory itself: its goods are not imports, and a panel covers the countries goods are imported from (group {CountryDirectory.DomesticGroup} of rulebook/country-groups.yaml).", nameof(request));
        }

        DateOnly from = request.From ?? _engine.Timeline.First, to = request.To ?? _engine.Timeline.Horizon;
        if (to < from)
        {
            throw new ArgumentException($"The last day {to:yyyy-MM-dd} is before the first day {from:yyyy-MM-dd}.", nameof(request));
        }

        EpochSpan[] epochs = Epochs(from, to, request.Countries);
        IReadOnlyList<HtsCode> products = ProductsBetween(from, to, request.Products);
        var state = new BuildState(this, request, epochs, products, sink, progress, cancellationToken);
        state.Run();
        long revisionCells = RevisionsBetween(from, to).Sum(r => (long)CountPrinted(_engine.Schedule(r), products)) * request.Countries.Length;
        return new PanelSummary(from, to, epochs.Length, RevisionsBetween(from, to).Count(), products.Count, request.Countries.Length,
            state.Plans, state.Evaluations, state.Cells, revisionCells, state.Rows);
    }

    private static int CountPrinted(TariffSchedule schedule, IReadOnlyList<HtsCode> products) => products.Count(p => schedule.IndexOf(p) >= 0);

    private IEnumerable<HtsRevisionId> RevisionsBetween(DateOnly from, DateOnly to)
    {
        int first = _engine.EpochOf(from).Index, last = _engine.EpochOf(to).Index;
        return Enumerable.Range(first, last - first + 1).Select(e => _engine.Epochs[e].Revision).Distinct();
    }

    private EpochSpan[] Epochs(DateOnly from, DateOnly to, ImmutableArray<CountryCode> countries)
    {
        int first = _engine.EpochOf(from).Index, last = _engine.EpochOf(to).Index;
        var spans = new EpochSpan[last - first + 1];
        for (int i = first; i <= last; i++)
        {
            Epoch e = _engine.Epochs[i];
            spans[i - first] = new EpochSpan(e, e.Start < from ? from : e.Start, e.Last > to ? to : e.Last, _engine.Schedule(e.Revision),
                OriginClasses.For(_engine, e, countries));
        }

        return spans;
    }

    /// <summary>One epoch of the range: its days (clipped to the range), the schedule that governs it and its classes.</summary>
    private sealed record EpochSpan(Epoch Epoch, DateOnly First, DateOnly Last, TariffSchedule Schedule, OriginClasses Classes);

    /// <summary>One build: the chunks of products, evaluated by workers and written in order by the calling thread.</summary>
    private sealed class BuildState
    {
        private readonly PanelBuilder _builder;
        private readonly PanelRequest _request;
        private readonly EpochSpan[] _epochs;
        private readonly IReadOnlyList<HtsCode> _products;
        private readonly IPanelSink _sink;
        private readonly IProgress<PanelProgress>? _progress;
        private readonly CancellationToken _cancellation;
        private readonly Chunk?[] _done;
        private readonly SemaphoreSlim _ahead;
        private readonly Stack<RowBuffer> _buffers = new();
        private readonly (int Position, CountryCode Country)[] _preferenceCountries;
        private int _next = -1;
        private long _plans, _evaluations, _cells;

        internal BuildState(PanelBuilder builder, PanelRequest request, EpochSpan[] epochs, IReadOnlyList<HtsCode> products, IPanelSink sink,
            IProgress<PanelProgress>? progress, CancellationToken cancellation)
        {
            _builder = builder;
            _request = request;
            _epochs = epochs;
            _products = products;
            _sink = sink;
            _progress = progress;
            _cancellation = cancellation;
            _done = new Chunk?[(products.Count + ChunkSize - 1) / ChunkSize];
            _ahead = new SemaphoreSlim(Math.Max(2, request.MaxParallelism) * 8);
            _preferenceCountries = request.Preferences is { } shares
                ? [.. request.Countries.Select((c, i) => (i, c)).Where(x => shares.Countries.Contains(x.c))]
                : [];
        }

        internal long Plans => _plans;

        internal long Evaluations => _evaluations;

        internal long Cells => _cells;

        internal long Rows { get; private set; }

        internal void Run()
        {
            int workers = Math.Clamp(_request.MaxParallelism, 1, Math.Max(1, _done.Length));
            var tasks = new Task[workers];
            using var failed = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
            for (int w = 0; w < workers; w++)
            {
                tasks[w] = Task.Factory.StartNew(() => Work(failed.Token), failed.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }

            try
            {
                int written = 0;
                for (int k = 0; k < _done.Length; k++)
                {
                    Chunk chunk = WaitFor(k, tasks, failed.Token);
                    _done[k] = null;
                    foreach ((int start, int count) in chunk.Products)
                    {
                        _sink.Write(chunk.Rows.Items.AsSpan(start, count));
                    }

                    Rows += chunk.Rows.Count;
                    lock (_buffers)
                    {
                        _buffers.Push(chunk.Rows);
                    }

                    written += chunk.ProductCount;
                    _ahead.Release();
                    _progress?.Report(new PanelProgress(written, _products.Count, Rows));
                }
            }
            catch
            {
                failed.Cancel();
                throw;
            }
            finally
            {
                try
                {
                    Task.WaitAll(tasks);
                }
                catch (AggregateException) when (failed.IsCancellationRequested)
                {
                    // The first failure (or the cancellation) is what the caller sees.
                }

                _ahead.Dispose();
            }
        }

        private Chunk WaitFor(int k, Task[] tasks, CancellationToken token)
        {
            lock (_done)
            {
                while (_done[k] is null)
                {
                    if (tasks.FirstOrDefault(t => t.IsFaulted) is { } faulted)
                    {
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(faulted.Exception!.InnerException!).Throw();
                    }

                    token.ThrowIfCancellationRequested();
                    Monitor.Wait(_done, 100);
                }

                return _done[k]!;
            }
        }

        private void Work(CancellationToken token)
        {
            var worker = new ProductWorker(_builder._engine, _request, _epochs, _preferenceCountries);
            while (true)
            {
                _ahead.Wait(token);
                int k = Interlocked.Increment(ref _next);
                if (k >= _done.Length)
                {
                    _ahead.Release();
                    return;
                }

                int first = k * ChunkSize, last = Math.Min(_products.Count, first + ChunkSize);
                RowBuffer rows;
                lock (_buffers)
                {
                    rows = _buffers.Count > 0 ? _buffers.Pop() : new RowBuffer(ChunkSize * _request.Countries.Length * 4);
                }

                rows.Count = 0;
                var ranges = new (int, int)[last - first];
                for (int p = first; p < last; p++)
                {
                    token.ThrowIfCancellationRequested();
                    int before = rows.Count;
                    worker.Build(_products[p], rows);
                    ranges[p - first] = (before, rows.Count - before);
                }

                Interlocked.Add(ref _plans, worker.TakePlans());
                Interlocked.Add(ref _evaluations, worker.TakeEvaluations());
                Interlocked.Add(ref _cells, worker.TakeCells());
                lock (_done)
                {
                    _done[k] = new Chunk(rows, ranges, last - first);
                    Monitor.PulseAll(_done);
                }
            }
        }
    }

    /// <summary>The rows of a chunk of products, with the range of each product's rows.</summary>
    private sealed record Chunk(RowBuffer Rows, (int Start, int Count)[] Products, int ProductCount);

    /// <summary>A growable array of rows, reused from chunk to chunk (rows are large; a new array per chunk would churn the
    /// large-object heap).</summary>
    private sealed class RowBuffer(int capacity)
    {
        internal PanelInterval[] Items = new PanelInterval[capacity];
        internal int Count;

        internal void AddRange(List<PanelInterval> rows)
        {
            if (Count + rows.Count > Items.Length)
            {
                Array.Resize(ref Items, Math.Max(Items.Length * 2, Count + rows.Count));
            }

            rows.CopyTo(Items, Count);
            Count += rows.Count;
        }
    }

    /// <summary>Evaluates one product over every epoch and merges its rows; one per worker thread.</summary>
    private sealed class ProductWorker
    {
        private readonly TariffEngine _engine;
        private readonly ImmutableArray<CountryCode> _countries;
        private readonly EpochSpan[] _epochs;
        private readonly PreferenceShares? _preferences;
        private readonly UnitValues? _unitValues;
        private readonly (int Position, CountryCode Country)[] _preferenceCountries;
        private readonly List<PanelInterval>[] _byCountry;
        private readonly Open[] _open;
        private readonly int[] _countryValues;
        private readonly List<PanelValues> _distinct = [];
        private readonly Dictionary<PanelValues, int> _ids = [];
        private int[] _classValues = new int[16];

        // The product's unit value as a customs value and one unit, or null: set once per product.
        private decimal? _unitValue;
        private ImmutableArray<Quantity> _oneUnit;
        private long _plans, _evaluations, _cells;

        internal ProductWorker(TariffEngine engine, PanelRequest request, EpochSpan[] epochs, (int, CountryCode)[] preferenceCountries)
        {
            _engine = engine;
            _countries = request.Countries;
            _epochs = epochs;
            _preferences = request.Preferences;
            _unitValues = request.UnitValues;
            _preferenceCountries = preferenceCountries;
            _byCountry = [.. request.Countries.Select(_ => new List<PanelInterval>(8))];
            _open = new Open[request.Countries.Length];
            _countryValues = new int[request.Countries.Length];
        }

        internal long TakePlans() => Take(ref _plans);

        internal long TakeEvaluations() => Take(ref _evaluations);

        internal long TakeCells() => Take(ref _cells);

        internal void Build(HtsCode product, RowBuffer rows)
        {
            UnitValue? unitValue = _unitValues?.For(product);
            _unitValue = unitValue?.UsdPerUnit;
            _oneUnit = unitValue is null ? default : [new Quantity(1m, unitValue.Unit)];
            Array.Clear(_open);
            _distinct.Clear();
            _ids.Clear();
            foreach (List<PanelInterval> list in _byCountry)
            {
                list.Clear();
            }

            foreach (EpochSpan span in _epochs)
            {
                if (span.Schedule.IndexOf(product) < 0)
                {
                    CloseAll(product);
                    continue;
                }

                ProductPlan plan = _engine.BuildPlan(product, span.Epoch);
                _plans++;
                OriginClasses classes = span.Classes;
                if (_classValues.Length < classes.Count)
                {
                    _classValues = new int[classes.Count * 2];
                }

                for (int k = 0; k < classes.Count; k++)
                {
                    _classValues[k] = IdOf(Evaluate(plan, _countries[classes.Representatives[k]], span.First, null));
                }

                _evaluations += classes.Count;
                _cells += _countries.Length;
                for (int c = 0; c < _countries.Length; c++)
                {
                    _countryValues[c] = _classValues[classes.ClassOf[c]];
                }

                foreach ((int position, CountryCode country) in _preferenceCountries)
                {
                    decimal share = _preferences!.ShareOf(product, country);
                    if (share > 0m && Grants(plan.Product, _preferences.Program))
                    {
                        PanelValues claimed = Evaluate(plan, country, span.First, _preferences.Program);
                        _evaluations++;
                        _countryValues[position] = IdOf(_distinct[_countryValues[position]].Blend(claimed, share));
                    }
                }

                for (int c = 0; c < _countries.Length; c++)
                {
                    Extend(product, c, span, _countryValues[c]);
                }
            }

            CloseAll(product);
            foreach (List<PanelInterval> list in _byCountry)
            {
                rows.AddRange(list);
            }
        }

        private PanelValues Evaluate(ProductPlan plan, CountryCode country, DateOnly date, string? program)
        {
            var inputs = new QuoteInputs(country, date, Program: program, CustomsValue: _unitValue, Quantities: _oneUnit);
            QuoteTotals totals = _engine.Evaluate(plan, in inputs);
            return PanelValues.From(in totals, BaseRate(plan.Product, country, program), _unitValue is not null);
        }

        /// <summary>The ordinary rate an evaluation uses (the same choice as StackingRules' rule "base").</summary>
        private Rate BaseRate(HtsProduct product, CountryCode country, string? program)
        {
            if (_engine.Roles.Column2.Contains(country) && product.Other is { } other)
            {
                return other.Rate;
            }

            if (program is not null)
            {
                return (product.Special?.Rate as PreferentialRates)?.ForProgram(program) ?? FreeRate.Instance;
            }

            return product.General?.Rate ?? FreeRate.Instance;
        }

        /// <summary>True when the line grants the program (listed in its Special column, or Free in General: a claim on a
        /// free line still counts for the exemptions that follow it, as <see cref="TariffEngine.Quote"/> accepts).</summary>
        private static bool Grants(HtsProduct product, string program) =>
            (product.Special?.Rate as PreferentialRates)?.ForProgram(program) is not null || product.General?.Rate is FreeRate;

        /// <summary>The values are compared and carried by a small id per product: most cells repeat a few values.</summary>
        private int IdOf(in PanelValues values)
        {
            if (!_ids.TryGetValue(values, out int id))
            {
                _ids[values] = id = _distinct.Count;
                _distinct.Add(values);
            }

            return id;
        }

        private void Extend(HtsCode product, int c, EpochSpan span, int values)
        {
            ref Open open = ref _open[c];
            if (open.Active && open.Values == values && open.Last.AddDays(1) == span.First)
            {
                open.Last = span.Last;
                return;
            }

            Close(product, c);
            open = new Open(true, span.First, span.Last, values);
        }

        private void CloseAll(HtsCode product)
        {
            for (int c = 0; c < _open.Length; c++)
            {
                Close(product, c);
            }
        }

        private void Close(HtsCode product, int c)
        {
            ref Open open = ref _open[c];
            if (open.Active)
            {
                _byCountry[c].Add(new PanelInterval(product, _countries[c], open.First, open.Last, _distinct[open.Values]));
                open.Active = false;
            }
        }

        private static long Take(ref long counter)
        {
            long value = counter;
            counter = 0;
            return value;
        }

        /// <summary>The interval being extended for one country.</summary>
        private struct Open(bool active, DateOnly first, DateOnly last, int values)
        {
            public bool Active = active;
            public DateOnly First = first;
            public DateOnly Last = last;
            public int Values = values;
        }
    }
}
