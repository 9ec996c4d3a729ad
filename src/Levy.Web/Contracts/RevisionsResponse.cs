using Levy.Core.Reports;

namespace Levy.Web.Contracts;

/// <summary>The HTS revisions the data holds (<c>GET /api/v1/revisions</c>); the items have the shape of
/// <c>levy revisions --json</c>.</summary>
/// <param name="FirstDate">The first date covered.</param>
/// <param name="Horizon">The last date covered.</param>
/// <param name="Revisions">Every revision, in force order.</param>
public sealed record RevisionsResponse(DateOnly FirstDate, DateOnly Horizon, IReadOnlyList<RevisionView> Revisions);
