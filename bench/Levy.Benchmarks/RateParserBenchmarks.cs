using BenchmarkDotNet.Attributes;
using Levy.Core.Rates;
using Levy.Data;

namespace Levy.Benchmarks;

/// <summary>Parsing every distinct rate text of every revision, as the loader does once per process.</summary>
[MemoryDiagnoser]
public class RateParserBenchmarks
{
    private (string Text, RateColumn Column)[] _cells = [];

    /// <summary>Loads all revisions from the data folder and keeps their distinct rate texts.</summary>
    [GlobalSetup]
    public void LoadTexts()
    {
        LevyData data = LevyData.Open();
        data.Archive.LoadAll();
        _cells = [.. data.Archive.Interner.RateCells.Select(c => (c.Cell.Text, c.Column))];
    }

    /// <summary>Parses each distinct text once; returns how many are rates.</summary>
    [Benchmark]
    public int ParseEveryDistinctText()
    {
        int rates = 0;
        foreach ((string text, RateColumn column) in _cells)
        {
            if (RateParser.ParseCell(text, column) is not UnparsedRate)
            {
                rates++;
            }
        }

        return rates;
    }
}
