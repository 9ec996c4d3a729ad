using Levy.Core.Measures;
using Levy.Core.Rates;

namespace Levy.Core.Calculation.Planning;

/// <summary>Reads what a Chapter 99 heading's rate text does (docs/domain.md, "Chapter 99 rate text").</summary>
/// <remarks>
/// "The duty provided in the applicable subheading + 25%" adds 25% (on the value named by "upon the value of …"); "The duty
/// provided in the applicable subheading", "No change", "Free" and blank texts add nothing (exemption or passthrough
/// lines); a bare "15%" is an all-in floor. Thread-safe.
/// </remarks>
internal static class HeadingTerms
{
    internal static (MeasureKind Kind, decimal Rate, DutyBasis Basis) Read(Rate printed) => printed switch
    {
        ApplicableSubheadingRate { Additional: AdValoremRate a } x => (MeasureKind.Additional, a.Fraction, x.Basis),
        ApplicableSubheadingRate => (MeasureKind.Exemption, 0m, DutyBasis.FullValue),
        AdValoremRate { Basis: null } floor => (MeasureKind.Floor, floor.Fraction, DutyBasis.FullValue),
        _ => (MeasureKind.Exemption, 0m, DutyBasis.FullValue),
    };
}
