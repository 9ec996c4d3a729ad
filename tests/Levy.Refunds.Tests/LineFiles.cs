using System.Globalization;
using System.Text;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Refunds.Generation;

namespace Levy.Refunds.Tests;

/// <summary>Builds small ES-003 files line by line: each line declared as the engine computes it, then changed the way a
/// test needs (a heading added, removed or with another amount).</summary>
internal sealed class LineFiles
{
    private readonly StringBuilder _csv = new(string.Join(',', Es003Generator.Header) + "\n");
    private int _sequence;

    /// <summary>Adds an entry of one line; returns its entry number.</summary>
    internal string Add(string hts, string origin, string date, decimal value, Action<List<(string Heading, decimal Amount)>>? change = null,
        string? liquidation = null, string type = "01", decimal? ordinary = null)
    {
        EntryNumber entry = EntryNumber.Create("T3S", 2_000_000 + ++_sequence);
        DateOnly day = DateOnly.Parse(date, CultureInfo.InvariantCulture);
        RateQuote quote = RefundData.Data.Engine.Quote(new QuoteRequest { Product = HtsCode.Parse(hts), Origin = CountryCode.Parse(origin), EntryDate = day, Explain = false });
        DutyBreakdown duty = DutyCalculator.Calculate(quote, new Money(value), []).Breakdown!;
        var chapter99 = duty.Components.Where(c => c.Component.Heading is not null).Select(c => (c.Component.Heading!.Value.ToString(), c.Amount.Amount)).ToList();
        change?.Invoke(chapter99);
        string prefix = string.Create(CultureInfo.InvariantCulture, $"{entry},1,11-1111111AA,{type},{date},{date},2704,{liquidation ?? string.Empty},,");
        foreach ((string heading, decimal amount) in chapter99)
        {
            _csv.Append(prefix).Append(CultureInfo.InvariantCulture, $"{heading},{origin},0,{amount:0.00},,\n");
        }

        _csv.Append(prefix).Append(CultureInfo.InvariantCulture, $"{hts},{origin},{value:0.00},{ordinary ?? duty.Ordinary.Amount:0.00},,\n");
        return entry.Compact;
    }

    /// <summary>Adds a raw row.</summary>
    internal void Raw(string row) => _csv.Append(row).Append('\n');

    internal string Text => _csv.ToString();

    internal MemoryStream Stream() => new(Encoding.UTF8.GetBytes(Text));
}
