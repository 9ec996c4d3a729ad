using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Levy.Core.Calculation.Duties;
using Levy.Core.Calculation.Planning;
using Levy.Core.Calculation;
using Levy.Core.Primitives;
using Levy.Core.Refunds;
using Levy.Data;
using Levy.Refunds.Import;
using Levy.Refunds.Ledger;

namespace Levy.Refunds.Checking;

/// <summary>Checks a ledger line against the law: quotes it on its entry date with the rulebook (<c>actual</c>) and without
/// any IEEPA measure (the <c>no-ieepa</c> scenario), computes the duties in dollars, and records the flags of
/// <see cref="LineCheck"/> on the line.</summary>
/// <remarks>
/// <para>Quotes are remembered per product, origin, epoch (a span of dates in which nothing in the rulebook or the
/// governing revision changes), program and metal shares (at most 131,072, then forgotten), so a file of many lines of
/// few products costs one quote per product, country and epoch, the way panels and batches plan per product and epoch. A line the engine cannot answer is flagged <see cref="RefundFlags.NotChecked"/> with the reason.</para>
/// <para>Not thread-safe: one checker per import or check run.</para>
/// </remarks>
public sealed class LineChecker
{
    /// <summary>The scenario that removes every IEEPA measure.</summary>
    public const string NoIeepaScenario = "no-ieepa";

    private const int MaxRemembered = 131_072;
    private readonly TariffEngine _actual;
    private readonly TariffEngine _withoutIeepa;
    private readonly Dictionary<QuoteKey, (RateQuote? With, RateQuote? Without, string? Error)> _quotes = [];

    /// <summary>Creates a checker.</summary>
    /// <param name="actual">The engine over the rulebook.</param>
    /// <param name="withoutIeepa">The engine over the rulebook without IEEPA measures.</param>
    /// <param name="rules">The refund rules.</param>
    /// <param name="fingerprint">What identifies the rulebook the lines are checked with.</param>
    public LineChecker(TariffEngine actual, TariffEngine withoutIeepa, RefundRules rules, string fingerprint)
    {
        _actual = actual ?? throw new ArgumentNullException(nameof(actual));
        _withoutIeepa = withoutIeepa ?? throw new ArgumentNullException(nameof(withoutIeepa));
        Rules = rules ?? throw new ArgumentNullException(nameof(rules));
        Fingerprint = fingerprint;
    }

    /// <summary>The refund rules.</summary>
    public RefundRules Rules { get; }

    /// <summary>What identifies the rulebook: lines checked with another fingerprint are stale.</summary>
    public string Fingerprint { get; }

    /// <summary>A checker over Levy's data: its engine, the <c>no-ieepa</c> scenario and refunds.yaml.</summary>
    public static LineChecker For(LevyData data, RefundRules rules)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new LineChecker(data.Engine, data.ScenarioEngine(NoIeepaScenario).Engine, rules, FingerprintOf(data));
    }

    /// <summary>A short hash of the rulebook files a check depends on.</summary>
    public static string FingerprintOf(LevyData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var text = new StringBuilder();
        foreach (string name in new[] { "measures.yaml", "refunds.yaml", "product-lists.yaml", "scenarios/no-ieepa.yaml" })
        {
            text.Append(data.Rulebook.ReadText(name));
        }

        return "rulebook-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    /// <summary>Checks a line and writes the result on it.</summary>
    public void Check(EntryRecord entry, LineRecord line)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(line);
        var declared = new DeclaredDuty(Money(line.OrdinaryPaidCents), Money(line.FentanylPaidCents + line.ReciprocalPaidCents), Money(line.OtherPaidCents), line.IeepaDeclared);
        LawfulDuty? lawful = Lawful(entry, line, out string? note);
        LineCheckResult result = LineCheck.Check(entry.EntryDate, declared, lawful, Rules);
        line.CheckedWith = Fingerprint;
        line.Flags = (int)result.Flags;
        line.LawIeepaCents = lawful is { } l ? LineAssembler.Cents(l.Ieepa.Amount) : null;
        line.LawNonIeepaCents = lawful is { } n ? LineAssembler.Cents(n.NonIeepa.Amount) : null;
        line.LawWithoutIeepaCents = lawful is { } w ? LineAssembler.Cents(w.WithoutIeepa.Amount) : null;
        line.ExposureCents = LineAssembler.Cents(result.Exposure.Amount);
        line.CheckNote = note is { Length: > 400 } ? note[..400] : note;
    }

    private LawfulDuty? Lawful(EntryRecord entry, LineRecord line, out string? note)
    {
        note = null;
        if (!HtsCode.TryParse(line.Hts, out HtsCode product) || !CountryCode.TryParse(line.Origin, out CountryCode origin))
        {
            note = $"{line.Hts} from {line.Origin} cannot be quoted";
            return null;
        }

        var metal = new MetalContent(line.SteelShare, line.AluminumShare, line.CopperShare);
        Epoch epoch, epochWithout;
        try
        {
            epoch = _actual.EpochOf(entry.EntryDate);
            epochWithout = _withoutIeepa.EpochOf(entry.EntryDate);
        }
        catch (Levy.Core.Schedule.DateOutsideDataException ex)
        {
            note = ex.Message;
            return null;
        }

        // Within an epoch nothing in the rulebook or the governing revision changes, so one quote serves every date of it.
        var key = new QuoteKey(product, origin, epoch, epochWithout, line.Program, metal);
        if (!_quotes.TryGetValue(key, out var quotes))
        {
            if (_quotes.Count >= MaxRemembered)
            {
                _quotes.Clear();
            }

            var request = new QuoteRequest
            {
                Product = product,
                Origin = origin,
                EntryDate = entry.EntryDate,
                ClaimedProgram = string.IsNullOrEmpty(line.Program) ? null : line.Program,
                Metal = metal,
                Explain = false,
            };
            try
            {
                quotes = (_actual.Quote(request), _withoutIeepa.Quote(request), null);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                quotes = (null, null, ex.Message.Split('\n')[0]);
            }

            _quotes[key] = quotes;
        }

        if (quotes.Error is not null)
        {
            note = quotes.Error;
            return null;
        }

        Money value = Money(line.ValueCents);
        ImmutableArray<Quantity> quantities = line.Quantity is { } q ? [new Quantity(q, default)] : [];
        RateQuote with = quotes.With!, without = quotes.Without!;
        if (with.TotalAdValorem is null || without.TotalAdValorem is null)
        {
            // A specific or compound rate: the floors need the value and quantity, so this line is quoted on its own.
            try
            {
                QuoteRequest exact = with.Request with { CustomsValue = value.Amount, Quantities = quantities };
                with = _actual.Quote(exact);
                without = _withoutIeepa.Quote(exact);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                note = ex.Message.Split('\n')[0];
                return null;
            }
        }

        DutyResult w = DutyCalculator.Calculate(with, value, quantities);
        DutyResult o = DutyCalculator.Calculate(without, value, quantities);
        if (!w.IsSuccess || !o.IsSuccess)
        {
            LineError error = w.IsSuccess ? o.Error : w.Error;
            note = $"{error.Field}: {error.Reason}";
            return null;
        }

        Money ieepa = w.Breakdown.TotalFor(Authority.IeepaFentanyl) + w.Breakdown.TotalFor(Authority.IeepaReciprocal);
        return new LawfulDuty(ieepa, w.Breakdown.Total - ieepa, o.Breakdown.Total);
    }

    private static Money Money(long cents) => new(cents / 100m);

    private readonly record struct QuoteKey(HtsCode Product, CountryCode Origin, Epoch Epoch, Epoch EpochWithout, string? Program, MetalContent Metal);
}
