using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Rates;

namespace Levy.Core.Panels;

/// <summary>The duties on one product from one country over one interval of a panel, as fractions of the customs value,
/// by authority.</summary>
/// <remarks>
/// <para>When the ordinary duty is specific or compound (<c>4.4¢/kg</c>, <c>46.3¢/kg + 14.9%</c>) its ad valorem
/// equivalent needs a customs value and quantity that a panel does not have. <see cref="Mfn"/> then keeps the ad valorem
/// part of the rate (0 for a purely specific rate), a floor measured against that ordinary duty adds nothing, and
/// <see cref="NeedsValue"/> is true: <see cref="Total"/> is a lower bound of the duty. With a unit value for the product
/// (<see cref="UnitValues"/>), the equivalent is computed for goods worth that much a unit and <see cref="AveEstimated"/>
/// says the values are an estimate.</para>
/// <para>An immutable value; equality compares every component (consecutive equal values are merged into one interval).</para>
/// </remarks>
/// <param name="Mfn">The ordinary duty (column 1 General, or column 2 for column-2 countries).</param>
/// <param name="Section232">Section 232.</param>
/// <param name="Section301">Section 301.</param>
/// <param name="IeepaFentanyl">IEEPA fentanyl / border duties.</param>
/// <param name="IeepaReciprocal">IEEPA reciprocal duties (including the Brazil and India add-ons).</param>
/// <param name="Section122">Section 122.</param>
/// <param name="Section201">Section 201.</param>
/// <param name="Other">Other Chapter 99 duties (the Russia column 2 increases).</param>
/// <param name="NeedsValue">True when some part needs a customs value or quantity and counts as zero.</param>
/// <param name="AveEstimated">True when the ordinary rate is specific or compound and its ad valorem equivalent (and
/// anything measured against it) was computed from a unit value: an estimate.</param>
public readonly record struct PanelValues(
    decimal Mfn,
    decimal Section232,
    decimal Section301,
    decimal IeepaFentanyl,
    decimal IeepaReciprocal,
    decimal Section122,
    decimal Section201,
    decimal Other,
    bool NeedsValue,
    bool AveEstimated = false)
{
    /// <summary>The number of authorities (<see cref="Authority"/> members).</summary>
    public const int AuthorityCount = Authorities.Count;

    /// <summary>The sum of every component.</summary>
    public decimal Total => Mfn + Section232 + Section301 + IeepaFentanyl + IeepaReciprocal + Section122 + Section201 + Other;

    /// <summary>The component of one authority.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="authority"/> is not a member of <see cref="Authority"/>.</exception>
    public decimal this[Authority authority] => authority switch
    {
        Authority.Mfn => Mfn,
        Authority.Section232 => Section232,
        Authority.Section301 => Section301,
        Authority.IeepaFentanyl => IeepaFentanyl,
        Authority.IeepaReciprocal => IeepaReciprocal,
        Authority.Section122 => Section122,
        Authority.Section201 => Section201,
        Authority.Other => Other,
        _ => throw new ArgumentOutOfRangeException(nameof(authority), authority, "Unknown authority."),
    };

    /// <summary>The values of an evaluation.</summary>
    /// <param name="totals">What <see cref="TariffEngine.Evaluate"/> returned.</param>
    /// <param name="baseRate">The ordinary rate the evaluation used; its ad valorem part is kept when its equivalent is unknown.</param>
    /// <param name="unitValued">True when the evaluation was given a unit value (a customs value and one unit) for the product.</param>
    public static PanelValues From(in QuoteTotals totals, Rate baseRate, bool unitValued = false)
    {
        ArgumentNullException.ThrowIfNull(baseRate);
        decimal mfn = totals[Authority.Mfn];
        bool specific = RateAdValorem.Of(baseRate, null, default) is null;
        if (totals.NeedsValue && specific)
        {
            mfn = AdValoremPart(baseRate);
        }

        return new PanelValues(mfn, totals[Authority.Section232], totals[Authority.Section301], totals[Authority.IeepaFentanyl],
            totals[Authority.IeepaReciprocal], totals[Authority.Section122], totals[Authority.Section201], totals[Authority.Other], totals.NeedsValue,
            unitValued && specific && !totals.NeedsValue);
    }

    /// <summary>The expected values when a share of the trade claims a preference: <c>share × claimed + (1 − share) × this</c>,
    /// component by component.</summary>
    /// <param name="claimed">The values when the preference is claimed.</param>
    /// <param name="share">The share of the trade that claims it, between 0 and 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="share"/> is outside [0, 1].</exception>
    public PanelValues Blend(in PanelValues claimed, decimal share)
    {
        if (share is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "A share is between 0 and 1.");
        }

        decimal rest = 1m - share;
        return new PanelValues(
            rest * Mfn + share * claimed.Mfn,
            rest * Section232 + share * claimed.Section232,
            rest * Section301 + share * claimed.Section301,
            rest * IeepaFentanyl + share * claimed.IeepaFentanyl,
            rest * IeepaReciprocal + share * claimed.IeepaReciprocal,
            rest * Section122 + share * claimed.Section122,
            rest * Section201 + share * claimed.Section201,
            rest * Other + share * claimed.Other,
            NeedsValue || (share > 0m && claimed.NeedsValue),
            AveEstimated || (share > 0m && claimed.AveEstimated));
    }

    /// <summary>The ad valorem part of a rate: the rate itself when ad valorem, the sum of the ad valorem parts of a
    /// compound rate, 0 for specific and unreadable rates.</summary>
    public static decimal AdValoremPart(Rate rate) => rate switch
    {
        AdValoremRate { Basis: null } a => a.Fraction,
        CompoundRate c => c.Parts.Sum(AdValoremPart),
        _ => 0m,
    };
}
