namespace Levy.Web.Contracts;

/// <summary>The state of the server (<c>GET /api/v1/health</c>).</summary>
/// <param name="Status"><c>ok</c>.</param>
/// <param name="DataSource">How the data folder was found (<c>$LEVY_DATA</c>, <c>./data</c>, <c>../shared/data</c>).</param>
/// <param name="Revisions">The revisions in the catalogue.</param>
/// <param name="RevisionsLoaded">The revisions loaded into memory so far.</param>
/// <param name="FirstDate">The first date covered.</param>
/// <param name="Horizon">The last date covered.</param>
/// <param name="Memory">The managed heap and the garbage collector's pauses so far, for load tests.</param>
public sealed record HealthResponse(string Status, string DataSource, int Revisions, int RevisionsLoaded, DateOnly FirstDate, DateOnly Horizon, MemoryView Memory);
