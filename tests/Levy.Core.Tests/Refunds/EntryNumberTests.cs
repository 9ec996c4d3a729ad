using Levy.Core.Refunds;

namespace Levy.Core.Tests.Refunds;

public class EntryNumberTests
{
    // Check digits worked by hand with CBP's computation (letters A-I = 1-9, J-R = 1-9, S-Z = 2-9; even positions doubled,
    // a doubled value over 9 counts its ones digit plus one; the check digit brings the sum to a multiple of ten).
    [Theory]
    [InlineData("ABC1234567", 6)] // 1,2,3,1,2,3,4,5,6,7: odd 1+3+2+4+6 = 16, even 4,2,6,1,5 = 18; 34 -> 6
    [InlineData("9999999999", 0)] // odd 45, even 9x5 = 45; 90 -> 0
    [InlineData("0000000000", 0)]
    [InlineData("SZJ0000001", 6)] // S=2, J=1 and three 0s in odd places = 3; Z=9 doubled 18 -> 9, 1 doubled 2 = 11; 14 -> 6
    public void ComputeCheckDigit_HandWorkedExamples_Match(string ten, int expected)
    {
        Assert.Equal(expected, EntryNumber.ComputeCheckDigit(ten));
    }

    [Theory]
    [InlineData("ABC-1234567-6")]
    [InlineData("ABC12345676")]
    [InlineData("abc 1234567 6")]
    public void Parse_AcceptedForms_SameNumber(string text)
    {
        EntryNumber number = EntryNumber.Parse(text);

        Assert.Equal("ABC12345676", number.Compact);
        Assert.Equal("ABC-1234567-6", number.ToString());
        Assert.Equal("ABC", number.FilerCode);
        Assert.Equal(6, number.CheckDigit);
    }

    [Theory]
    [InlineData("ABC-1234567-5", "the check digit should be 6")]
    [InlineData("ABC-123456-6", "expected 11 characters")]
    [InlineData("AB!-1234567-6", "is not an entry number")]
    [InlineData("ABC-12A4567-6", "characters 4 to 11 must be digits")]
    [InlineData("", "is blank")]
    public void TryParse_BadNumbers_SayWhatIsWrong(string text, string message)
    {
        Assert.False(EntryNumber.TryParse(text, out _, out string? error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_FilerAndNumber_RoundTripsThroughParse()
    {
        for (int n = 0; n < 2000; n += 7)
        {
            EntryNumber created = EntryNumber.Create("B7Y", 1_000_000 + n);

            Assert.Equal(created, EntryNumber.Parse(created.ToString()));
            Assert.False(EntryNumber.TryParse(created.Compact[..10] + (char)('0' + (created.CheckDigit + 1) % 10), out _, out _));
        }
    }
}
