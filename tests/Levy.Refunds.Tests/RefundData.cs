using Levy.Core.Refunds;
using Levy.Data;
using Levy.Data.Locating;
using Levy.Data.Rulebook;
using Levy.Refunds.Checking;
using Levy.Refunds.Generation;

namespace Levy.Refunds.Tests;

/// <summary>The shared data (../shared/data, opened once per test run), the refund rules, the IEEPA headings and a
/// checker over the real engine.</summary>
internal static class RefundData
{
    internal static string RepositoryRoot { get; } =
        DataLocator.FindRepositoryRoot(AppContext.BaseDirectory) ?? throw new InvalidOperationException("Levy.slnx not found");

    private static readonly Lazy<LevyData> Shared = new(() => LevyData.Open(Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"))));
    private static readonly Lazy<RefundRules> SharedRules = new(() => RefundRulesReader.Read(RulebookFiles.Embedded));
    private static readonly Lazy<IeepaHeadings> SharedHeadings = new(() => IeepaHeadings.From(Data.Policy.Rulebook));

    internal static LevyData Data => Shared.Value;

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
