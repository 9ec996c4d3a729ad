namespace Levy.Core.Calculation.Duties;

/// <summary>Message templates of the duty calculation (one place, so tests assert against the constant).</summary>
internal static class DutyErrorMessages
{
    internal const string NeedsQuantity = "the rate \"{0}\" needs a quantity in {1}; the line gives none";
    internal const string QuantityDoesNotConvert = "the rate \"{0}\" needs a quantity in {1}; the line gives {2}, which does not convert to {1}";
    internal const string NeedsPartValue = "the rate \"{0}\" is charged on {1}, which the line does not give";
    internal const string NeedsQuantityBasis = "the rate \"{0}\" is charged on a quantity qualified \"{1}\", which the line does not give";
    internal const string ReferenceRate = "the rate is stated by reference (\"{0}\"): the duty needs the rate of the provision it names";
    internal const string SugarDegree = "the rate \"{0}\" needs the sugar degree (polarity) of the goods";
    internal const string Unparsed = "the rate text \"{0}\" is not a rate Levy can compute ({1}): needs manual review";
    internal const string PreferentialWithoutProgram = "the quote gives the Special column \"{0}\" but no program whose rate applies";
    internal const string ProgramNotListed = "program {0} is not listed in the Special column \"{1}\"";
    internal const string FloorWithoutRate = "the component {0} is an all-in (floor) rate but the quote gives no floor rate";
    internal const string NegativeValue = "the customs value is negative ({0})";
    internal const string NoComponents = "the quote has no components (the ordinary duty is missing)";
}
