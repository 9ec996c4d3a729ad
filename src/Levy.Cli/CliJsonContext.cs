using System.Text.Json.Serialization;
using Levy.Cli.Commands;
using Levy.Cli.Rendering;
using Levy.Core.Reports;
using Levy.Data.Json;
using Levy.Data.Sync;
using Levy.Refunds.Reports;

namespace Levy.Cli;

/// <summary>The source-generated JSON metadata of everything <c>levy … --json</c> writes, so that the CLI serializes
/// without reflection and runs as a Native AOT tool. <see cref="CliContext.JsonOptions"/> resolves types through this
/// context only: a type written without being listed here throws <see cref="NotSupportedException"/>, in the tests as
/// under AOT.</summary>
/// <remarks>Naming, null handling and the converters come from <see cref="CliContext.JsonOptions"/>
/// (<see cref="Levy.Data.Json.LevyJson.ConfigureForSourceGeneration"/>), not from attributes here.</remarks>
[JsonSerializable(typeof(CliProblem))]
[JsonSerializable(typeof(QuoteView))]
[JsonSerializable(typeof(LookupReport))]
[JsonSerializable(typeof(HistoryReport))]
[JsonSerializable(typeof(SearchReport))]
[JsonSerializable(typeof(RevisionListView))]
[JsonSerializable(typeof(DiffView))]
[JsonSerializable(typeof(EntrySummaryView))]
[JsonSerializable(typeof(BatchSummaryView))]
[JsonSerializable(typeof(List<ScenarioEntryView>))]
[JsonSerializable(typeof(ScenarioComparisonReport))]
[JsonSerializable(typeof(FormulaView))]
[JsonSerializable(typeof(EtrView))]
[JsonSerializable(typeof(PanelBuildView))]
[JsonSerializable(typeof(PanelQueryView))]
[JsonSerializable(typeof(DataInfoCommand.InfoView))]
[JsonSerializable(typeof(DataInfoCommand.BundleInfoView))]
[JsonSerializable(typeof(DataSyncCommand.SyncView))]
[JsonSerializable(typeof(DataSyncCommand.BundleUpdateView))]
[JsonSerializable(typeof(ImportView))]
[JsonSerializable(typeof(CheckView))]
[JsonSerializable(typeof(DeadlinesView))]
[JsonSerializable(typeof(DeclareView))]
[JsonSerializable(typeof(StatusView))]
[JsonSerializable(typeof(ReportView))]
// The values of `levy panel query` rows are typed object: each runtime type a query can return needs its metadata too.
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(byte))]
[JsonSerializable(typeof(sbyte))]
[JsonSerializable(typeof(short))]
[JsonSerializable(typeof(ushort))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(uint))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(ulong))]
[JsonSerializable(typeof(float))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(decimal))]
[JsonSerializable(typeof(Guid))]
[JsonSerializable(typeof(TimeSpan))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class CliJsonContext : JsonSerializerContext
{
    /// <summary>One AOT-safe camelCase converter for each enum type the CLI writes (a test checks none is missing).</summary>
    internal static IReadOnlyList<JsonConverter> EnumConverters { get; } =
    [
        new CamelCaseEnumConverter<ManifestMatch>(),
        new CamelCaseEnumConverter<SyncOutcome>(),
    ];
}
