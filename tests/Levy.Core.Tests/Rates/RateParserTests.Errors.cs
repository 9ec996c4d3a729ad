using Levy.Core.Rates;

namespace Levy.Core.Tests.Rates;

/// <summary>Texts that are not rates: where reading stops, what was expected there and what was found.</summary>
public partial class RateParserTests
{
    private const string EndOfText = RateErrorMessages.EndOfText;

    public static TheoryData<string, RateColumn, int, string, string> InvalidTexts { get; } = new()
    {
        { "4.4¢/kg + x", RateColumn.General, 10, RateErrorMessages.Number, "\"x\"" },
        { "", RateColumn.General, 0, RateErrorMessages.Rate, EndOfText },
        { "  ", RateColumn.Other, 2, RateErrorMessages.Rate, EndOfText },
        { ":", RateColumn.Other, 0, RateErrorMessages.Rate, "\":\"" },                           // 9913.95.01, column 2
        { "37% /", RateColumn.Other, 4, EndOfText, "\"/\"" },                                      // 2909.19.18.00, column 2
        { "2.5% 3%", RateColumn.General, 5, EndOfText, "\"3\"" },
        { "4.4", RateColumn.General, 3, RateErrorMessages.PercentOrCent, EndOfText },
        { "4.4 kg", RateColumn.General, 4, RateErrorMessages.PercentOrCent, "\"kg\"" },
        { "4.4¢", RateColumn.General, 4, RateErrorMessages.SlashOrEach, EndOfText },
        { "4.4¢/", RateColumn.General, 5, RateErrorMessages.Unit, EndOfText },
        { "4.4¢/kg +", RateColumn.General, 9, RateErrorMessages.Number, EndOfText },
        { "$/kg", RateColumn.General, 1, RateErrorMessages.Number, "\"/\"" },
        { "33 1/0%", RateColumn.Other, 5, RateErrorMessages.Denominator, "\"0\"" },
        { "33 1/3", RateColumn.Other, 6, RateErrorMessages.PercentSign, EndOfText },
        { "99999999999999999999999999999999%", RateColumn.General, 0, RateErrorMessages.NumberInRange, "\"99999999999999999999999999999999\"" },
        {
            // 9110.90.40.00: a duty per piece, capped (an unsupported form)
            "4.3% + 1.7¢/jewel + 0.2¢ for each other piece or part, but if consisting in part of a plate or a set of plates the total duty shall not exceed the duty for the complete movement",
            RateColumn.General, 25, RateErrorMessages.SlashOrEach, "\"for\""
        },
        { "1.4606¢/kg less 0.020668¢/kg for each degree", RateColumn.General, 44, "\"under\"", EndOfText },
        { "No way", RateColumn.General, 3, RateErrorMessages.ChangeOrAdditional, "\"way\"" },
        { "The price", RateColumn.General, 4, RateErrorMessages.DutyOrRate, "\"price\"" },
        { "The duty provided on the applicable subheading", RateColumn.General, 18, "\"in\"", "\"on\"" },
        { "The duty provided in that subheading", RateColumn.General, 21, RateErrorMessages.Subheading, "\"that\"" },
        { "The duty provided in the wrong subheading", RateColumn.General, 25, "\"applicable\"", "\"wrong\"" },
        { "The duty provided in subheadings 8716.39 + 100%", RateColumn.General, 33, RateErrorMessages.HtsCode, "\"8716.39\"" },
        {
            "The duty provided in the applicable subheading + a duty of 25% upon the value of the zinc content",
            RateColumn.General, 85, RateErrorMessages.Content, "\"zinc\""
        },
        { "The duty provided in the applicable subheading minus 1", RateColumn.General, 54, "\"%\"", EndOfText },
        { "See note 3)", RateColumn.General, 10, EndOfText, "\")\"" },
        { "Free (A+,AU) 2.5%", RateColumn.Special, 17, RateErrorMessages.ProgramList, EndOfText },
        { "Free (A+", RateColumn.Special, 5, RateErrorMessages.ProgramListOrEnd, "\"(\"" },
        { "Free (A+,AU)", RateColumn.General, 5, EndOfText, "\"(\"" },
        {
            // 0406.90.94.00: "(PA (PA)" (an unsupported form)
            "Free (BH,CL) See 9919.04.50, 9919.04.67 (PA (PA)",
            RateColumn.Special, 48, RateErrorMessages.ClosingParenthesis, EndOfText
        },
    };

    [Theory]
    [MemberData(nameof(InvalidTexts))]
    public void Parse_InvalidText_ThrowsWithPositionExpectedAndFound(string text, RateColumn column, int position, string expected, string found)
    {
        RateFormatException error = Assert.Throws<RateFormatException>(() => RateParser.Parse(text, column));

        Assert.Equal(text, error.Input);
        Assert.Equal(position, error.Position);
        Assert.Equal(expected, error.Expected);
        Assert.Equal(found, error.Found);
        Assert.Equal(RateErrorMessages.Format(text, position, expected, found), error.Message);
    }

    [Theory]
    [MemberData(nameof(InvalidTexts))]
    public void TryParse_InvalidText_ReturnsFalse(string text, RateColumn column, int position, string expected, string found)
    {
        _ = (position, expected, found);

        bool parsed = RateParser.TryParse(text, column, out Rate? rate);

        Assert.False(parsed);
        Assert.Null(rate);
    }

    [Theory]
    [MemberData(nameof(InvalidTexts))]
    public void ParseCell_InvalidText_ReturnsUnparsedRateWithReason(string text, RateColumn column, int position, string expected, string found)
    {
        Rate rate = RateParser.ParseCell(text, column);

        UnparsedRate unparsed = Assert.IsType<UnparsedRate>(rate);
        Assert.Equal(text.Trim(), unparsed.Text);
        string reason = UnsupportedRateForms.Find(text)?.Reason ?? RateErrorMessages.Format(text, position, expected, found);
        Assert.Equal(reason, unparsed.Reason);
    }

    [Fact]
    public void Parse_InvalidText_MessageSaysColumnExpectedAndFound()
    {
        RateFormatException error = Assert.Throws<RateFormatException>(() => RateParser.Parse("4.4¢/kg + x"));

        Assert.Equal("Cannot parse rate \"4.4¢/kg + x\" at column 11: expected a number, found \"x\".", error.Message);
    }

    [Fact]
    public void ParseCell_UnsupportedForm_GivesTheFormsReason()
    {
        Rate rate = RateParser.ParseCell("65% + 25¢/jewel + 3¢ for each other piece or part, but if consisting in part of a plate or a set of plates the total duty shall not exceed the duty for the complete movement", RateColumn.Other);

        UnparsedRate unparsed = Assert.IsType<UnparsedRate>(rate);
        Assert.Equal(UnsupportedRateForms.All[0].Reason, unparsed.Reason);
    }

    [Fact]
    public void ParseCell_Markup_IsRemovedFromUnparsedText()
    {
        var unparsed = (UnparsedRate)RateParser.ParseCell("<u>37% /</u>", RateColumn.Other);

        Assert.Equal("37% /", unparsed.Text);
    }

    [Fact]
    public void Parse_NullText_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => RateParser.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => RateParser.ParseCell(null!, RateColumn.General));
    }

    [Fact]
    public void Parse_UndefinedColumn_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RateParser.Parse("Free", (RateColumn)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => RateParser.ParseCell("Free", (RateColumn)7));
    }

    [Fact]
    public void TryParse_NullOrUndefinedColumn_ReturnsFalse()
    {
        Assert.False(RateParser.TryParse(null, RateColumn.General, out _));
        Assert.False(RateParser.TryParse("Free", (RateColumn)7, out _));
    }
}
