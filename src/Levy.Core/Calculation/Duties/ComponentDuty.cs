using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Duties;

/// <summary>One component of a line with its amount in dollars and cents.</summary>
/// <param name="Component">The component of the quote.</param>
/// <param name="Amount">Its duty, rounded to the cent.</param>
public readonly record struct ComponentDuty(QuoteComponent Component, Money Amount);
