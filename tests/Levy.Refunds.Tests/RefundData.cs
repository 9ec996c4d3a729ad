using Levy.Core.Refunds;
using Levy.Data;
using Levy.Data.Locating;
using Levy.Data.Rulebook;
using Levy.Refunds.Checking;
using Levy.Refunds.Generation;

namespace Levy.Refunds.Tests;

/// <summary>The data (../shared/data where it is present, else the embedded bundle: <see cref="Levy.Testing.TestData"/>),
/// the refund rules, the IEEPA headings and a checker over the real engine.</summary>
internal static class RefundData
{
    private static readonly Lazy<RefundRules> SharedRules = new(() => RefundRulesReader.Read(RulebookFiles.Embedded));
    private static readonly Lazy<IeepaHeadings> SharedHeadings = new(() => IeepaHeadings.From(Data.Policy.Rulebook));

    internal static LevyData Data => Levy.Testing.TestData.Data;

    internal static RefundRules Rules => SharedRules.Value;

    internal static IeepaHeadings Headings => SharedHeadings.Value;

    /// <summary>A new checker (checkers are not thread-safe; tests run in parallel).</summary>
    internal static LineChecker Checker() => LineChecker.For(Data, Rules);

    internal static Es003Generator Generator() => new(Data.Engine, Headings);

    /// <summary>A generated file in a temporary folder.</summary>
    internal static (string Path, GeneratorSummary Summary) Generate(GeneratorOptions options, string folder)
    {
        string path = System.IO.Path.Combine(folder, $"es003-{options.Seed}-{options.Rows}.csv");
        using var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false));
        GeneratorSummary summary = Generator().Write(writer, options);
        return (path, summary);
    }

    internal static string TempFolder(string name) => Directory.CreateTempSubdirectory("levy-" + name + "-").FullName;
}
