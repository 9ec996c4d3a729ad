using Levy.Data.Rulebook;

namespace Levy.Web.Contracts;

/// <summary>A rulebook the API can answer under: <c>actual</c> (what happened) or a scenario of
/// <c>rulebook/scenarios/</c> (docs/scenarios.md).</summary>
/// <param name="Id">The name to pass as <c>scenario=</c> (<c>japan-no-deal</c>).</param>
/// <param name="Title">One line.</param>
/// <param name="Summary">What changes and why, in a paragraph: the rationale.</param>
/// <param name="Sources">The instruments, rulings and analysis it rests on: the citations.</param>
/// <param name="Changes">Each change to the rulebook, in words: the measures (and their Chapter 99 headings) removed,
/// changed or added, with the citation of what is added.</param>
public sealed record ScenarioView(string Id, string Title, string Summary, IReadOnlyList<string> Sources, IReadOnlyList<string> Changes)
{
    /// <summary>The view of a scenario.</summary>
    public static ScenarioView From(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new(scenario.Name, scenario.Title, scenario.Summary, scenario.Sources, scenario.Changes);
    }
}

/// <summary>The rulebooks the API can answer under (<c>GET /api/v1/scenarios</c>): <c>actual</c> first, then the
/// scenarios by name.</summary>
/// <param name="Scenarios">The rulebooks.</param>
public sealed record ScenariosResponse(IReadOnlyList<ScenarioView> Scenarios);
