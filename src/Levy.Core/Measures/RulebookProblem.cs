namespace Levy.Core.Measures;

/// <summary>A cross-reference of the rulebook that does not hold (a slot, program, condition or group that is not declared),
/// found by <see cref="Rulebook.Validate"/>.</summary>
/// <param name="Section">The part of the rulebook: <c>engine</c>, <c>slots</c>, <c>declaration_order</c> or <c>measures</c>.</param>
/// <param name="Subject">The measure id or slot name, or null for the section as a whole.</param>
/// <param name="Field">The field at fault as written in the YAML (<c>when_slot_applies</c>, <c>us_content.slot</c>), or null.</param>
/// <param name="Message">What is wrong, naming what was found and what was expected.</param>
public sealed record RulebookProblem(string Section, string? Subject, string? Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => Subject is null ? $"{Section}: {Message}" : $"{Section} {Subject}: {Message}";
}
