using System.Globalization;

namespace Levy.Core.Rates;

/// <summary>Message templates and the names of expected things for rate parse errors, in one place so that tests assert
/// against the constants rather than copies of the text.</summary>
internal static class RateErrorMessages
{
    /// <summary>The one message shape: input, 1-based column, what was expected, what was found.</summary>
    internal const string CannotParse = "Cannot parse rate \"{0}\" at column {1}: expected {2}, found {3}.";

    /// <summary>What the end of the text is called, as expected or found.</summary>
    internal const string EndOfText = "end of text";

    /// <summary>The start of any rate.</summary>
    internal const string Rate = "a rate";

    /// <summary>A number (also the start of a term after <c>+</c>).</summary>
    internal const string Number = "a number";

    /// <summary>A number too large for <see cref="decimal"/>.</summary>
    internal const string NumberInRange = "a number of at most 28 digits";

    /// <summary>What may follow the number of a term.</summary>
    internal const string PercentOrCent = "\"%\", \"¢\" or \"percent\"";

    /// <summary>What must follow the number of an ad valorem rate.</summary>
    internal const string PercentSign = "\"%\" or \"percent\"";

    /// <summary>The denominator of a mixed fraction (<c>33 1/3%</c>).</summary>
    internal const string Denominator = "a denominator other than 0";

    /// <summary>What may follow the amount of a specific rate.</summary>
    internal const string SlashOrEach = "\"/\" or \"each\"";

    /// <summary>The unit after <c>/</c>.</summary>
    internal const string Unit = "a unit such as \"kg\"";

    /// <summary>An HTS code.</summary>
    internal const string HtsCode = "an HTS code";

    /// <summary>A Special Program Indicator inside a program list.</summary>
    internal const string ProgramSymbol = "a program symbol such as \"AU\"";

    /// <summary>What may follow a group's rate in the Special column.</summary>
    internal const string ProgramList = "program symbols in parentheses, such as \"(A+,AU)\"";

    /// <summary>What may follow a lone rate in the Special column.</summary>
    internal const string ProgramListOrEnd = "program symbols in parentheses or end of text";

    /// <summary>A closing parenthesis.</summary>
    internal const string ClosingParenthesis = "\")\"";

    /// <summary>What may follow "The" at the start of a rate.</summary>
    internal const string DutyOrRate = "\"duty\" or \"rate\"";

    /// <summary>What may follow "No".</summary>
    internal const string ChangeOrAdditional = "\"change\" or \"additional duty\"";

    /// <summary>What may follow "The duty provided in".</summary>
    internal const string Subheading = "\"the applicable subheading\", \"such subheading\" or \"subheadings\"";

    /// <summary>The content a Chapter 99 duty may be charged on.</summary>
    internal const string Content = "\"steel\", \"aluminum\", \"copper\" or \"non-U.S.\"";

    /// <summary>The full message.</summary>
    internal static string Format(string input, int position, string expected, string found) =>
        string.Format(CultureInfo.InvariantCulture, CannotParse, input, position + 1, expected, found);

    /// <summary>A literal word or sign as an expected thing: <c>"each"</c>.</summary>
    internal static string Quote(ReadOnlySpan<char> text) => "\"" + text.ToString() + "\"";
}
