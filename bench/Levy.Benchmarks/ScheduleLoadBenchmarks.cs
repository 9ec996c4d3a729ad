using BenchmarkDotNet.Attributes;
using Levy.Core.Schedule;
using Levy.Data;
using Levy.Data.Hts;

namespace Levy.Benchmarks;

/// <summary>Loading HTS revisions from their gzip JSON files: one revision cold (a fresh interner), and all 44 in parallel.</summary>
[MemoryDiagnoser]
public class ScheduleLoadBenchmarks
{
    private LevyData _data = null!;
    private string _path = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchmarkData.Open();
        _path = _data.Archive.PathOf(HtsRevisionId.Parse("2026_rev_10"));
    }

    /// <summary>One revision (2026 Revision 10, ~35,900 rows), nothing shared with earlier loads.</summary>
    [Benchmark]
    public TariffSchedule LoadOneRevision() => HtsJsonReader.ReadFile(_path, HtsRevisionId.Parse("2026_rev_10"), new ScheduleInterner());

    /// <summary>All 44 revisions into one archive (strings, rates and identical rows shared).</summary>
    [Benchmark]
    public int LoadAllRevisions() => new ScheduleArchive(_data.Directory!, _data.Catalogue).LoadAll().Count;
}
