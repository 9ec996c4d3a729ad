namespace Levy.Core.Inputs;

/// <summary>What kind of value an input takes, which decides how <see cref="InputField"/> reads it.</summary>
public enum InputKind
{
    /// <summary>An HTS code (dots optional).</summary>
    HtsCode,

    /// <summary>A country: ISO code, name or Census code (a batch column takes the ISO code only).</summary>
    Country,

    /// <summary>A date, yyyy-MM-dd.</summary>
    Date,

    /// <summary>An amount in USD, as spreadsheets write it (<c>$40,000.00</c>), from 0 to <see cref="InputField.Max"/>.</summary>
    Amount,

    /// <summary>A share of value from 0 to 1, or a percentage (<c>40%</c>).</summary>
    Share,

    /// <summary>A number from <see cref="InputField.Min"/> to <see cref="InputField.Max"/> (a quantity without its unit, a
    /// model parameter).</summary>
    Number,

    /// <summary>A number with its unit (<c>1000kg</c>, <c>12 doz.</c>).</summary>
    Quantity,

    /// <summary>A unit of measure.</summary>
    Unit,

    /// <summary>A whole number from <see cref="InputField.Min"/> to <see cref="InputField.Max"/>.</summary>
    Integer,

    /// <summary>One of <see cref="InputField.Choices"/>.</summary>
    Choice,

    /// <summary>true or false (an API parameter), or a flag present or absent (an option).</summary>
    Flag,

    /// <summary>Free text of at most <see cref="InputField.MaxLength"/> characters.</summary>
    Text,

    /// <summary>A Special Program Indicator (<c>S</c>, <c>KR</c>, <c>A+</c>).</summary>
    Program,

    /// <summary>A name of the rulebook: a scenario, a revision, a condition.</summary>
    Name,

    /// <summary>A file or folder to read.</summary>
    InputPath,

    /// <summary>A file to write: refused before any work when it cannot be written, and replaced only on success.</summary>
    OutputPath,
}
