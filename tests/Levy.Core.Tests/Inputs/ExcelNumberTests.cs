using Levy.Core.Inputs;

namespace Levy.Core.Tests.Inputs;

public class ExcelNumberTests
{
    [Theory]
    [InlineData("1234.50", "1234.50", false)]
    [InlineData("1,234.50", "1234.50", false)]
    [InlineData("$1,234,567.89", "1234567.89", false)]
    [InlineData("(1,234.00)", "-1234.00", false)]
    [InlineData("-12", "-12", false)]
    [InlineData("4E+04", "40000", false)]
    [InlineData("40%", "0.40", true)]
    [InlineData(" 12.5 ", "12.5", false)]
    [InlineData(".5", "0.5", false)]
    public void TryParse_SpreadsheetForms_Accepted(string text, string expected, bool percent)
    {
        Assert.True(ExcelNumber.TryParse(text, out decimal value, out bool isPercent));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(percent, isPercent);
    }

    [Theory]
    [InlineData("1,23")]        // a European decimal comma, not a thousands separator
    [InlineData("1.234,50")]
    [InlineData("12,34,567")]
    [InlineData(",123")]
    [InlineData("1234,567")]
    [InlineData("")]
    [InlineData("$")]
    [InlineData("abc")]
    [InlineData("1 234")]
    public void TryParse_AmbiguousOrNotANumber_Rejected(string text)
    {
        Assert.False(ExcelNumber.TryParse(text, out _, out _));
    }
}
