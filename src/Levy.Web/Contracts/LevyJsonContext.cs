using System.Text.Json;
using System.Text.Json.Serialization;
using Levy.Core.Reports;

namespace Levy.Web.Contracts;

/// <summary>Source-generated JSON metadata for every response of the API. Field names and value forms match
/// <c>levy … --json</c>: the host adds <see cref="Levy.Data.Json.LevyJson"/>'s converters to the same options.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LookupReport))]
[JsonSerializable(typeof(SearchReport))]
[JsonSerializable(typeof(RevisionsResponse))]
[JsonSerializable(typeof(CountriesResponse))]
[JsonSerializable(typeof(CountryView))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(QuoteView))]
[JsonSerializable(typeof(HistoryReport))]
public sealed partial class LevyJsonContext : JsonSerializerContext;
