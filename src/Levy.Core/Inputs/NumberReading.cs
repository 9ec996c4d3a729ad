namespace Levy.Core.Inputs;

/// <summary>What <see cref="ExcelNumber.Read"/> found.</summary>
public enum NumberReading
{
    /// <summary>A number that fits <see cref="decimal"/>.</summary>
    Number,

    /// <summary>Text that is not a number.</summary>
    NotANumber,

    /// <summary>A well-formed number too large for <see cref="decimal"/> (about 7.9e28 and above).</summary>
    TooLarge,
}
