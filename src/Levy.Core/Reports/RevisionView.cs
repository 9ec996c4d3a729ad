using Levy.Core.Schedule;

namespace Levy.Core.Reports;

/// <summary>An HTS revision as <c>levy revisions --json</c> and <c>GET /api/v1/revisions</c> list it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
/// <param name="Id">The revision (written as its short name).</param>
/// <param name="Name">The long name (<c>2025 Revision 7</c>).</param>
/// <param name="EffectiveDate">The first day it is in force.</param>
/// <param name="LastDay">The last day it is in force.</param>
/// <param name="PolicyEffectiveDate">The legal date of its main action, when it differs.</param>
/// <param name="PolicyEvent">What changed, or null for text-only revisions.</param>
/// <param name="FilePresent">Whether its file is in the data folder.</param>
/// <param name="Source">Where its dates come from.</param>
public sealed record RevisionView(
    HtsRevisionId Id, string Name, DateOnly EffectiveDate, DateOnly LastDay, DateOnly? PolicyEffectiveDate, string? PolicyEvent,
    bool FilePresent, string Source)
{
    /// <summary>Every revision of the catalogue, in force order.</summary>
    /// <param name="catalogue">The catalogue.</param>
    /// <param name="isPresent">Whether a revision's file is in the data folder.</param>
    public static IReadOnlyList<RevisionView> ListFrom(RevisionCatalogue catalogue, Func<HtsRevisionId, bool> isPresent) =>
        catalogue.Revisions.Select(r => new RevisionView(
            r.Id, r.Id.ToString(), r.EffectiveDate, catalogue.EndOf(r.Id).AddDays(-1), r.PolicyEffectiveDate, r.PolicyEvent,
            isPresent(r.Id), r.Source)).ToList();
}
