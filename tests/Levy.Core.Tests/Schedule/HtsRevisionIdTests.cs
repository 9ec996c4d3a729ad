using Levy.Core.Schedule;

namespace Levy.Core.Tests.Schedule;

public class HtsRevisionIdTests
{
    [Theory]
    [InlineData("2025_basic", 2025, null)]
    [InlineData("2025_rev_7", 2025, 7)]
    [InlineData("2026 Revision 8", 2026, 8)]
    [InlineData("2025 rev 32", 2025, 32)]
    [InlineData("hts_2026_rev_10.json.gz", 2026, 10)]
    [InlineData("2025-r7", 2025, 7)]
    [InlineData("2026 Basic", 2026, null)]
    public void Parse_ShortLongAndFileForms_Agree(string text, int year, int? revision)
    {
        Assert.Equal(new HtsRevisionId(year, revision), HtsRevisionId.Parse(text));
    }

    [Theory]
    [InlineData("rev_7")]
    [InlineData("2025_rev_x")]
    [InlineData("2025")]
    [InlineData("25_rev_1")]
    public void Parse_Incomplete_ThrowsWithExample(string text)
    {
        var ex = Assert.Throws<FormatException>(() => HtsRevisionId.Parse(text));

        Assert.Contains("2025_rev_7", ex.Message);
    }

    [Fact]
    public void Names_AndOrder_FollowPublication()
    {
        var basic = new HtsRevisionId(2025, null);
        var rev7 = new HtsRevisionId(2025, 7);

        Assert.Equal("2025 Basic", basic.ToString());
        Assert.Equal("2025_rev_7", rev7.ShortName);
        Assert.Equal("hts_2025_rev_7.json.gz", rev7.FileName);
        ValueTypeContract.AssertOrder(basic, new HtsRevisionId(2025, 1), rev7, new HtsRevisionId(2025, 32), new HtsRevisionId(2026, null), new HtsRevisionId(2026, 10));
    }
}
