using System.Globalization;

namespace Levy.Core.Inputs;

/// <summary>The reasons a user's value is refused, shared by the command line, the web API and the batch readers so that
/// the same mistake reads the same everywhere. Each is the end of a sentence whose subject is the input's name on the
/// surface (<c>--value</c>, <c>value</c>, column <c>value</c>): <see cref="InputField.Message"/> joins the two.
/// Placeholders are composite-format indexes, formatted with the invariant culture by <see cref="Format"/>.</summary>
/// <remarks>Tests assert against these constants rather than copies of the text.</remarks>
public static class InputMessages
{
    /// <summary>An empty value where one is required.</summary>
    public const string Blank = "is blank";

    /// <summary>A required key absent from a JSON object.</summary>
    public const string Missing = "is missing";

    /// <summary>{0} the text.</summary>
    public const string NotAnAmount = "\"{0}\" is not an amount in USD (e.g. 40000, 40,000.00 or $40,000)";

    /// <summary>{0} the text.</summary>
    public const string PercentForAmount = "\"{0}\" is a percentage; an amount in USD was expected";

    /// <summary>{0} the text.</summary>
    public const string NotANumber = "\"{0}\" is not a number (e.g. 40000, 40,000.00 or $40,000)";

    /// <summary>{0} the value read.</summary>
    public const string Negative = "is negative ({0})";

    /// <summary>{0} the text, {1} the bound.</summary>
    public const string AboveMaximum = "\"{0}\" is more than {1:#,0.##}, the most Levy accepts";

    /// <summary>{0} the text.</summary>
    public const string NotAShare = "\"{0}\" is not a share between 0 and 1 (or 0% to 100%)";

    /// <summary>{0} the text.</summary>
    public const string NotAQuantity = "\"{0}\" is not a quantity with a unit (e.g. 1000kg, \"12 doz.\")";

    /// <summary>{0} the unit, {1} the first quantity, {2} the second.</summary>
    public const string SameUnitTwice = "gives two quantities in {0} ({1} and {2}): give one quantity per unit";

    /// <summary>{0} how many were given, {1} the most.</summary>
    public const string TooManyQuantities = "is given {0} times; a line has at most {1} quantities, in different units";

    /// <summary>{0} the value given twice.</summary>
    public const string GivenTwice = "gives \"{0}\" twice";

    /// <summary>{0} the text.</summary>
    public const string NotADate = "\"{0}\" is not a date: expected yyyy-MM-dd, e.g. 2025-04-20";

    /// <summary>{0} the text.</summary>
    public const string NotAnHtsCode = "\"{0}\" is not an HTS code of 8 or 10 digits (e.g. 8703.23.01.90)";

    /// <summary>{0} the text.</summary>
    public const string NotAnHtsPrefix = "\"{0}\" is not an HTS code or prefix (2 to 10 digits, e.g. 8703.23)";

    /// <summary>{0} the text.</summary>
    public const string NotAnIsoCountry = "\"{0}\" is not a two-letter ISO country code (e.g. JP)";

    /// <summary>{0} the group, {1} how many members, {2} their ISO codes.</summary>
    public const string CountryGroup = "\"{0}\" is a group of {1} countries, not one country of origin: a duty is charged by the country the goods come from; give one of {2}.";

    /// <summary>{0} the text, {1} the least, {2} the most.</summary>
    public const string NotAnInteger = "\"{0}\" is not a whole number from {1:#,0} to {2:#,0}";

    /// <summary>{0} the text, {1} the least, {2} the most.</summary>
    public const string NotANumberInRange = "\"{0}\" is not a number from {1} to {2} (e.g. 0.25)";

    /// <summary>{0} the text, {1} what the input takes, naming the choices (<see cref="InputField.ChoicePhrase"/>).</summary>
    public const string NotAChoice = "\"{0}\" is not {1}";

    /// <summary>{0} the text.</summary>
    public const string NotAProgram = "\"{0}\" is not a Special Program Indicator: expected a symbol of the Special column such as S, KR, AU or A+";

    /// <summary>{0} the number of characters, {1} the most.</summary>
    public const string TooLong = "has {0:#,0} characters; at most {1:#,0} are accepted";

    /// <summary>Text that held bytes the UTF-8 decoder could not read (each became U+FFFD).</summary>
    public const string NotUtf8 = "holds bytes that are not UTF-8 (shown as \uFFFD): save the file as UTF-8";

    /// <summary>Fills a template with the invariant culture.</summary>
    /// <param name="template">One of the constants of this class.</param>
    /// <param name="args">The values of its placeholders.</param>
    public static string Format(string template, params object?[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
