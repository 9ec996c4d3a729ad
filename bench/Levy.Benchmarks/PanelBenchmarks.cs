using BenchmarkDotNet.Attributes;
using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation;
using Levy.Core.Panels;
using Levy.Core.Primitives;

namespace Levy.Benchmarks;

/// <summary>The panel's units of work on a warm engine: one plan (not cached), the classes of an epoch, and a panel of
/// one chapter for every country. The full panel is measured with <c>/usr/bin/time -v levy panel build</c> (docs/panel.md).</summary>
[MemoryDiagnoser]
public class PanelBenchmarks
{
    private TariffEngine _engine = null!;
    private CountryCode[] _countries = null!;
    private Epoch _epoch;

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchmarkData.Open();
        _engine = data.Engine;
        data.Archive.LoadAll();
        _countries = [.. data.Countries.Countries.Select(c => c.Iso).Where(c => !_engine.Countries.IsDomestic(c))];
        _epoch = _engine.EpochOf(new DateOnly(2025, 10, 1));
        Chapter87(); // fills the engine's per-product and per-epoch caches
    }

    /// <summary>One plan of a car in a Phase 2 epoch, built afresh (the panel builds about a million).</summary>
    [Benchmark]
    public ProductPlan BuildPlanCar() => _engine.BuildPlan(HtsCode.Parse("8703.23.01.90"), _epoch);

    /// <summary>The classes of the 240 countries in a Phase 2 epoch.</summary>
    [Benchmark]
    public int OriginClassesPhase2() => OriginClasses.For(_engine, _epoch, _countries).Count;

    /// <summary>Chapter 87 (about 300 products) for every country over 2025-2026, rows counted only.</summary>
    [Benchmark]
    public long Chapter87()
    {
        var rows = new Counter();
        new PanelBuilder(_engine).Build(new PanelRequest { Countries = [.. _countries], Products = [HtsCode.Parse("87")] }, rows);
        return rows.Rows;
    }

    private sealed class Counter : IPanelSink
    {
        internal long Rows { get; private set; }

        public void Write(ReadOnlySpan<PanelInterval> rows) => Rows += rows.Length;
    }
}
