using Levy.Core.Rates;

namespace Levy.Core.Schedule;

/// <summary>One rate column of a schedule line: the text as printed and the rate read from it.</summary>
/// <remarks>Immutable and thread-safe; one instance per distinct text is shared by every line and revision that prints it.</remarks>
/// <param name="Text">The text as printed, markup removed and whitespace trimmed.</param>
/// <param name="Rate">The structured rate (an <see cref="UnparsedRate"/> if the text is not a rate).</param>
public sealed record RateCell(string Text, Rate Rate)
{
    /// <summary>The text.</summary>
    public override string ToString() => Text;
}
