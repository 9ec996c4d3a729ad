using CsCheck;
using Levy.Core.Primitives;

namespace Levy.Core.Tests.Primitives;

public class HtsCodePropertyTests
{
    private static readonly Gen<HtsCode> Codes =
        Gen.Int[1, 5].SelectMany(half => Gen.ULong[0, (ulong)Math.Pow(10, 2 * half) - 1].Select(v => HtsCode.FromDigits(v, 2 * half)));

    [Fact]
    public void Parse_OfToString_RoundTrips_InBothForms()
    {
        Codes.Sample(code =>
        {
            Assert.Equal(code, HtsCode.Parse(code.ToString()));
            Assert.Equal(code, HtsCode.Parse(code.Digits));
        });
    }

    [Fact]
    public void Truncate_IsAlwaysAnAncestor()
    {
        Codes.Where(c => c.Length > 2).Sample(code =>
        {
            HtsCode parent = code.Truncate(code.Length - 2);
            Assert.True(code.IsWithin(parent));
            Assert.True(parent < code);
            Assert.False(parent.IsWithin(code));
        });
    }
}
