using BenchmarkDotNet.Attributes;
using Levy.Core.Primitives;
using Levy.Core.Schedule;
using Levy.Core.Search;

namespace Levy.Benchmarks;

/// <summary>Lookups on a loaded revision: a product by code (with inherited rates), and a warm full-text search.</summary>
[MemoryDiagnoser]
public class LookupBenchmarks
{
    private TariffSchedule _schedule = null!;
    private ScheduleSearchIndex _index = null!;
    private readonly HtsCode _car = HtsCode.Parse("8703.23.01.90");

    [GlobalSetup]
    public void Setup()
    {
        _schedule = BenchmarkData.Open().Archive.Get(HtsRevisionId.Parse("2026_rev_10"));
        _index = ScheduleSearchIndex.For(_schedule);
    }

    /// <summary>Parse a code as typed and find its product with inherited rates.</summary>
    [Benchmark]
    public HtsProduct? LookupProduct() => _schedule.FindProduct(HtsCode.Parse("8703.23.01.90"));

    /// <summary>The index lookup alone.</summary>
    [Benchmark]
    public int IndexOf() => _schedule.IndexOf(_car);

    /// <summary>A warm five-word search, top 10.</summary>
    [Benchmark]
    public int Search() => _index.Search("passenger motor vehicles spark ignition").Count;

    /// <summary>Building the search index of one revision (the cold part of the first search).</summary>
    [Benchmark]
    public int BuildSearchIndex() => ScheduleSearchIndex.For(new TariffSchedule(_schedule.Revision, _schedule.Lines)).DocumentCount;
}
