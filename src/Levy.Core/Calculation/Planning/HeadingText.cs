using Levy.Core.Schedule;

namespace Levy.Core.Calculation.Planning;

/// <summary>A Chapter 99 heading as printed in some revision.</summary>
/// <param name="Line">The printed line.</param>
/// <param name="Revision">The revision it was read from.</param>
/// <param name="Retroactive">True when read from a revision later than the one governing the date.</param>
public sealed record HeadingText(HtsLine Line, HtsRevisionId Revision, bool Retroactive);
