namespace Levy.Core.Rates;

/// <summary>The column a rate text was printed in; the grammar differs slightly between them.</summary>
public enum RateColumn
{
    /// <summary>Column 1 General (MFN), including the Chapter 99 forms. The <c>additionalDuties</c> field of the USITC
    /// JSON follows the same grammar.</summary>
    General,

    /// <summary>Column 1 Special: rates with program symbols in parentheses.</summary>
    Special,

    /// <summary>Column 2.</summary>
    Other,
}
