using Levy.Core.Primitives;

namespace Levy.Core.Tests.Primitives;

public class HtsCodeTests
{
    public static TheoryData<string, string, int> ValidCodes => new()
    {
        { "8703.23.01.90", "8703.23.01.90", 10 },
        { "8703230190", "8703.23.01.90", 10 },
        { "8471.30.0100", "8471.30.01.00", 10 }, // CBP's 4.2.4 grouping
        { " 8703.23 ", "8703.23", 6 },
        { "8703", "8703", 4 },
        { "87", "87", 2 },
        { "9903.01.25", "9903.01.25", 8 },
        { "0101.21.00.10", "0101.21.00.10", 10 }, // leading zero kept
        { "8703-23-01", "8703.23.01", 8 },
    };

    [Theory]
    [MemberData(nameof(ValidCodes))]
    public void Parse_TypedForms_GivesDottedCanonicalText(string input, string expected, int length)
    {
        HtsCode code = HtsCode.Parse(input);

        Assert.Equal(expected, code.ToString());
        Assert.Equal(length, code.Length);
    }

    [Theory]
    [InlineData("", CodeErrorMessages.EmptyCode)]
    [InlineData("8703.2", "\"8703.2\" is not an HTS code: it has 5 digits; a code has 2, 4, 6, 8 or 10.")]
    [InlineData("87032301901", "\"87032301901\" is not an HTS code: it has more than 10 digits.")]
    [InlineData("8703.23.0x", "\"8703.23.0x\" is not an HTS code: 'x' is not a digit or separator.")]
    [InlineData("8703..23", "\"8703..23\" is not an HTS code: separators must sit between digits (e.g. 8703.23.01.90).")]
    [InlineData(".8703", "\".8703\" is not an HTS code: separators must sit between digits (e.g. 8703.23.01.90).")]
    public void Parse_BadText_ThrowsWithReason(string input, string message)
    {
        var ex = Assert.Throws<FormatException>(() => HtsCode.Parse(input));

        Assert.Equal(message, ex.Message);
        Assert.False(HtsCode.TryParse(input, out _));
    }

    [Fact]
    public void IsWithin_HeadingAndSubheading_TrueForDescendantsOnly()
    {
        HtsCode car = HtsCode.Parse("8703.23.01.90");

        Assert.True(car.IsWithin(HtsCode.Parse("8703")));
        Assert.True(car.IsWithin(HtsCode.Parse("8703.23.01")));
        Assert.True(car.IsWithin(car));
        Assert.False(car.IsWithin(HtsCode.Parse("8703.24")));
        Assert.False(HtsCode.Parse("8703").IsWithin(car));
    }

    [Fact]
    public void Truncate_ToSubheading_GivesAncestor()
    {
        Assert.Equal(HtsCode.Parse("8703.23.01"), HtsCode.Parse("8703230190").Truncate(8));
        Assert.Equal(87, HtsCode.Parse("8703230190").Chapter);
        Assert.Throws<ArgumentOutOfRangeException>(() => HtsCode.Parse("8703").Truncate(8));
    }

    [Fact]
    public void ValueContract_EqualityAndScheduleOrder_Hold()
    {
        ValueTypeContract.AssertEquality(HtsCode.Parse("8703.23.01"), HtsCode.Parse("87032301"), HtsCode.Parse("8703.23.01.00"), HtsCode.Parse("8703.23.02"));
        ValueTypeContract.AssertOrder(HtsCode.Parse("8703"), HtsCode.Parse("8703.23"), HtsCode.Parse("8703.23.01"), HtsCode.Parse("8703.23.01.00"), HtsCode.Parse("8703.23.01.90"), HtsCode.Parse("8704"));
    }

    [Fact]
    public void Format_DigitsFormat_OmitsDots()
    {
        HtsCode code = HtsCode.Parse("8703.23.01.90");

        Assert.Equal("8703230190", code.ToString("D", null));
        Assert.Equal("8703230190", code.Digits);
        Assert.Equal(8703230190UL, code.Value);
        Assert.True(code.IsStatisticalLine);
        Assert.True(HtsCode.Parse("9903.88.01").IsChapter99);
    }

    [Fact]
    public void FromDigits_RoundTripsWithValue()
    {
        HtsCode code = HtsCode.FromDigits(101210010, 10);

        Assert.Equal("0101.21.00.10", code.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => HtsCode.FromDigits(123, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => HtsCode.FromDigits(123456, 4));
    }
}
