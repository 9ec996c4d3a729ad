using BenchmarkDotNet.Attributes;
using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation;
using Levy.Core.Primitives;

namespace Levy.Benchmarks;

/// <summary>One quote on a warm engine (revisions loaded, caches filled): the unit of work of batches and panels.</summary>
[MemoryDiagnoser]
public class QuoteBenchmarks
{
    private TariffEngine _engine = null!;
    private QuoteRequest _car = null!;
    private QuoteRequest _chineseMotor = null!;
    private QuoteRequest _germanDerivative = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = BenchmarkData.Open().Engine;
        _car = new QuoteRequest { Product = HtsCode.Parse("8703.23.01.90"), Origin = CountryCode.Parse("JP"), EntryDate = new DateOnly(2025, 4, 20) };
        _chineseMotor = new QuoteRequest { Product = HtsCode.Parse("8501.10.40.20"), Origin = CountryCode.Parse("CN"), EntryDate = new DateOnly(2025, 6, 1) };
        _germanDerivative = new QuoteRequest { Product = HtsCode.Parse("8467.22.00.20"), Origin = CountryCode.Parse("DE"), EntryDate = new DateOnly(2025, 10, 1) };
        _engine.Quote(_car);
        _engine.Quote(_chineseMotor);
        _engine.Quote(_germanDerivative);
    }

    /// <summary>The allocation-free path of panels and batches: the cached plan of the car, evaluated for Japan.</summary>
    [Benchmark]
    public decimal? EvaluateCar()
    {
        ProductPlan plan = _engine.PlanFor(_car.Product, _car.EntryDate);
        return _engine.Evaluate(plan, new QuoteInputs(_car.Origin, _car.EntryDate)).Total;
    }

    /// <summary>The allocation-free path for the Chinese motor (four authorities).</summary>
    [Benchmark]
    public decimal? EvaluateChineseMotor()
    {
        ProductPlan plan = _engine.PlanFor(_chineseMotor.Product, _chineseMotor.EntryDate);
        return _engine.Evaluate(plan, new QuoteInputs(_chineseMotor.Origin, _chineseMotor.EntryDate)).Total;
    }

    /// <summary>The allocation-free path for the German derivative: a metal share from the (clamped) estimate, the floor on
    /// the rest.</summary>
    [Benchmark]
    public decimal? EvaluateGermanDerivative()
    {
        ProductPlan plan = _engine.PlanFor(_germanDerivative.Product, _germanDerivative.EntryDate);
        return _engine.Evaluate(plan, new QuoteInputs(_germanDerivative.Origin, _germanDerivative.EntryDate)).Total;
    }

    /// <summary>The Japanese car on 2025-04-20: MFN, 232 autos, the reciprocal exemption.</summary>
    [Benchmark]
    public RateQuote JapaneseCar() => _engine.Quote(_car);

    /// <summary>A Chinese motor: 301, fentanyl, reciprocal.</summary>
    [Benchmark]
    public RateQuote ChineseMotor() => _engine.Quote(_chineseMotor);

    /// <summary>A German aluminum derivative: 232 on content, floor on the rest.</summary>
    [Benchmark]
    public RateQuote GermanDerivative() => _engine.Quote(_germanDerivative);
}
