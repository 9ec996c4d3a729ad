using Levy.Core.Rates;

namespace Levy.Core.Tests.Rates;

public class RateTokenizerTests
{
    public static TheoryData<string, string> TokenStreams { get; } = new()
    {
        { "4.4¢/kg + 6%", "Number:4.4 Cent:¢ Slash:/ Word:kg Plus:+ Number:6 Percent:% End:" },
        { "$1.99/pf. liter", "Dollar:$ Number:1.99 Slash:/ Word:pf Period:. Word:liter End:" },
        { "10¢/1,000 pins", "Number:10 Cent:¢ Slash:/ Number:1,000 Word:pins End:" },
        { "See 9823.08.01-9823.08.38 (S+)", "Word:See Code:9823.08.01 Hyphen:- Code:9823.08.38 LeftParenthesis:( Word:S Plus:+ RightParenthesis:) End:" },
        { "9918.04.60, 9918.04.68", "Code:9918.04.60 Comma:, Code:9918.04.68 End:" },
        { "m<sup>2</sup>", "Word:m Number:2 End:" },
        { "86.1¢/m²of", "Number:86.1 Cent:¢ Slash:/ Word:m² Word:of End:" },
        { "10% <u></u>", "Number:10 Percent:% End:" },
        { "A*,E IL", "Word:A Star:* Comma:, Word:E Word:IL End:" },
        { "2 < 3:", "Number:2 Other:< Number:3 Other:: End:" },
        { "+ 25%.", "Plus:+ Number:25 Percent:% Period:. End:" },
    };

    [Theory]
    [MemberData(nameof(TokenStreams))]
    public void Tokenize_RateText_ReturnsKindsAndTexts(string text, string expected)
    {
        IReadOnlyList<RateToken> tokens = RateTokenizer.Tokenize(text);

        Assert.Equal(expected, string.Join(" ", tokens.Select(t => $"{t.Kind}:{t.TextIn(text)}")));
    }

    [Fact]
    public void Tokenize_TextWithMarkup_KeepsPositionsOfPrintedText()
    {
        const string text = "<il>86.1¢</il> of";

        IReadOnlyList<RateToken> tokens = RateTokenizer.Tokenize(text);

        Assert.Equal([4, 8, 15, 17], tokens.Select(t => t.Position));
        Assert.Equal([false, false, true, false], tokens.Select(t => t.FollowsSpace));
    }

    [Fact]
    public void Read_AfterLastToken_ReturnsEndAtTextLength()
    {
        RateToken end = RateTokenizer.Read("Free  ", 4);

        Assert.Equal(RateTokenKind.End, end.Kind);
        Assert.Equal(6, end.Position);
        Assert.True(end.FollowsSpace);
    }

    [Fact]
    public void DisplayName_EveryKind_IsNamedForMessages()
    {
        Assert.All(Enum.GetValues<RateTokenKind>(), kind => Assert.False(string.IsNullOrWhiteSpace(kind.DisplayName())));
        Assert.Equal("\"%\"", RateTokenKind.Percent.DisplayName());
        Assert.Equal(RateErrorMessages.EndOfText, RateTokenKind.End.DisplayName());
    }
}
