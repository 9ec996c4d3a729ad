using System.Globalization;
using CsCheck;
using Levy.Core.Primitives;
using Levy.Data.Batch;

namespace Levy.Data.Tests.Batch;

/// <summary>The span formatting of the outputs writes what the invariant formats write.</summary>
public class OutputFormatTests
{
    [Fact]
    public void Amount_AnyDecimal_AsFormat0Point00()
    {
        // Whole cents at every scale (the fast path), and any decimal at all (the fallback).
        Gen<decimal> wholeCents = Gen.Select(Gen.Long, Gen.Int[0, 16], Gen.Bool, (cents, extra, negative) =>
        {
            decimal value = Math.Abs(cents % 10_000_000_000_000_000L) / 100m;
            for (int i = 0; i < extra && value.Scale < 28; i++)
            {
                value *= 1.0m; // same value, one more trailing zero
            }

            return negative ? -value : value;
        });
        Gen.OneOf(wholeCents, Gen.Decimal).Sample(value =>
        {
            Span<char> buffer = stackalloc char[OutputFormat.MaxAmountLength];

            Assert.Equal(value.ToString("0.00", CultureInfo.InvariantCulture), OutputFormat.Amount(new Money(value), buffer).ToString());
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("0", "0.00")]
    [InlineData("0.05", "0.05")]
    [InlineData("-0.05", "-0.05")]
    [InlineData("1.5", "1.50")]
    [InlineData("1.500", "1.50")]
    [InlineData("1.505", "1.51")]
    [InlineData("-1.505", "-1.51")]
    [InlineData("40000", "40000.00")]
    [InlineData("99999999999999999.99", "99999999999999999.99")]
    [InlineData("79228162514264337593543950335", "79228162514264337593543950335.00")]
    public void Amount_Examples(string value, string expected)
    {
        Span<char> buffer = stackalloc char[OutputFormat.MaxAmountLength];

        Assert.Equal(expected, OutputFormat.Amount(new Money(decimal.Parse(value, CultureInfo.InvariantCulture)), buffer).ToString());
    }

    [Fact]
    public void Amount_NegativeZero_WrittenAsZero()
    {
        Span<char> buffer = stackalloc char[OutputFormat.MaxAmountLength];

        Assert.Equal("0.00", OutputFormat.Amount(new Money(new decimal(0, 0, 0, isNegative: true, scale: 2)), buffer).ToString());
    }

    [Fact]
    public void Date_AnyDate_AsFormatYyyyMmDd()
    {
        Gen.Int[DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber].Select(DateOnly.FromDayNumber).Sample(date =>
        {
            Span<char> buffer = stackalloc char[10];

            Assert.Equal(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), OutputFormat.Date(date, buffer).ToString());
        }, iter: 5_000);
    }
}
