using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation.Planning;

/// <summary>Everything about one product during one epoch (a span of dates in which no measure, list entry or governing
/// revision changes) that does not depend on the country or the importer's declarations: the printed line, and per slot
/// the measures that cover the product, in priority order, with their rates already read from the heading texts.</summary>
/// <remarks>Built once per (epoch, product) and shared by every quote in the epoch, whatever the origin. Immutable and
/// thread-safe.</remarks>
public sealed class ProductPlan
{
    internal ProductPlan(Epoch epoch, HtsProduct product, CandidatePlan[][] slots, decimal? generalAdValorem)
    {
        Epoch = epoch;
        Product = product;
        Slots = slots;
        GeneralAdValorem = generalAdValorem;
    }

    /// <summary>The epoch.</summary>
    public Epoch Epoch { get; }

    /// <summary>The first date of the epoch.</summary>
    public DateOnly Start => Epoch.Start;

    /// <summary>The first date after the epoch.</summary>
    public DateOnly End => Epoch.End;

    /// <summary>The revision whose text governs the epoch.</summary>
    public HtsRevisionId Revision => Epoch.Revision;

    /// <summary>The product as printed in that revision.</summary>
    public HtsProduct Product { get; }

    /// <summary>The General rate as a fraction of value, when it is ad valorem (or Free).</summary>
    public decimal? GeneralAdValorem { get; }

    internal CandidatePlan[][] Slots { get; }
}

/// <summary>How a heading's text reads in one rate column: what it does, at what rate, on which value.</summary>
internal readonly record struct HeadingTermsOfColumn(MeasureKind Kind, decimal Rate, DutyBasis Basis, Rate Printed, string RateSource);

/// <summary>What a measure's heading says in each rate column, under the text of one revision.</summary>
internal sealed record CandidateTerms(HeadingText? Text, HeadingTermsOfColumn General, HeadingTermsOfColumn Special, HeadingTermsOfColumn Other)
{
    /// <summary>Reads a heading's columns once, applying the rulebook's kind and rate override.</summary>
    internal static CandidateTerms Read(PolicyMeasure m, HeadingText? text)
    {
        HeadingTermsOfColumn Read(RateColumn column)
        {
            if (text is null)
            {
                return new HeadingTermsOfColumn(m.Kind ?? MeasureKind.Exemption, 0m, DutyBasis.FullValue, NoChangeRate.Instance, "rulebook");
            }

            RateColumn effective = m.RateColumn ?? column;
            RateCell? cell = effective switch
            {
                RateColumn.Other => text.Line.Other ?? text.Line.General,
                RateColumn.Special => text.Line.Special ?? text.Line.General,
                _ => text.Line.General,
            };
            Rate printed = cell?.Rate ?? NoChangeRate.Instance;
            if (m.RateOverride is { } o)
            {
                return new HeadingTermsOfColumn(m.Kind ?? MeasureKind.Additional, o.Percent / 100m, DutyBasis.FullValue, printed, $"rulebook rate {o.Percent}%: {o.Reason}");
            }

            (MeasureKind kind, decimal rate, DutyBasis basis) = HeadingTerms.Read(printed);
            string basisNote = string.Empty;
            if (m.BasisOverride is { } content && kind == MeasureKind.Additional)
            {
                (basis, basisNote) = (content.Basis, $"; charged on the {content.Basis switch { DutyBasis.SteelContent => "steel", DutyBasis.AluminumContent => "aluminum", _ => "copper" }} content: {content.Reason}");
            }

            if (m.Kind == MeasureKind.Exemption)
            {
                (kind, rate) = (MeasureKind.Exemption, 0m);
            }
            else if (m.Kind == MeasureKind.Floor && printed is AdValoremRate floor)
            {
                (kind, rate) = (MeasureKind.Floor, floor.Fraction);
            }

            string source = $"{m.Heading} ({effective} column, HTS {text.Revision}{(text.Retroactive ? ", applied retroactively" : string.Empty)}){basisNote}";
            return new HeadingTermsOfColumn(kind, rate, basis, printed, source);
        }

        return new CandidateTerms(text, Read(RateColumn.General), Read(RateColumn.Special), Read(RateColumn.Other));
    }
}

/// <summary>A measure that covers a product in an epoch, ready to be checked against a country and declarations.</summary>
internal sealed class CandidatePlan
{
    private readonly CandidateTerms _terms;

    internal CandidatePlan(PolicyMeasure measure, int index, MeasurePeriod period, CountrySet countries, ProductListEntry? entry, CandidateTerms terms)
    {
        Measure = measure;
        Index = index;
        Period = period;
        Countries = countries;
        Entry = entry;
        _terms = terms;
    }

    internal PolicyMeasure Measure { get; }

    internal int Index { get; }

    internal MeasurePeriod Period { get; }

    internal CountrySet Countries { get; }

    internal ProductListEntry? Entry { get; }

    internal HeadingText? Text => _terms.Text;

    internal HeadingTermsOfColumn General => _terms.General;

    internal HeadingTermsOfColumn Special => _terms.Special;

    internal HeadingTermsOfColumn Other => _terms.Other;

    internal HeadingTermsOfColumn For(RateColumn column) => column switch
    {
        RateColumn.Special => _terms.Special,
        RateColumn.Other => _terms.Other,
        _ => _terms.General,
    };
}
