using System.Collections.Immutable;
using System.Globalization;
using Levy.Core.Calculation.Duties;
using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Entries;

/// <summary>An entry of one or more lines with its totals: duty per line and per authority, the Merchandise Processing
/// Fee and Harbor Maintenance Fee computed for the entry and apportioned to its lines, and the grand total.</summary>
/// <remarks>
/// <para>How the entry is computed (every figure comes from the <see cref="FeeSchedule"/>):</para>
/// <list type="number">
/// <item><b>De minimis</b> (19 U.S.C. 1321(a)(2)(C)): when no entry type is declared, the shipment's declared value is at
/// or under the threshold, and the treatment is not suspended for the origin of any line on the entry date, the goods are
/// released free of duty and fees. Levy treats the entry as the shipment and requires every line to qualify.</item>
/// <item><b>Entry type</b>: as declared, or informal when the entry's value does not exceed the informal limit (19 CFR
/// 143.21(a)), except, while that exception is in force, when an article over the Chapter 99 article limit is classified
/// in Chapter 99 subchapter III or IV (it has a Chapter 99 component).</item>
/// <item><b>MPF</b> (19 CFR 24.23(b)): a formal entry pays the ad valorem rate on the entered value of the lines that are
/// not exempt (19 CFR 24.23(c): goods claimed under an exempt program), rounded to the cent, then raised to the minimum
/// or lowered to the maximum of the fiscal year of the entry date; an informal entry pays the flat informal fee. An entry
/// whose lines are all exempt pays nothing.</item>
/// <item><b>HMF</b> (19 CFR 24.24): the rate on the entered value of the lines that came by vessel, rounded to the cent.</item>
/// <item>Each fee is apportioned to the lines that bear it in proportion to entered value, in cents, the leftover cents
/// going to the lines with the largest remainders, so the line amounts add up to the entry's fee exactly.</item>
/// </list>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class Entry
{
    private static readonly int AuthorityCount = Enum.GetValues<Authority>().Length;
    private readonly Money[] _dutyByAuthority;

    private Entry(string? id, DateOnly entryDate, EntryType type, bool deMinimis, Money declaredValue, Money enteredValue,
        ImmutableArray<LineAmounts> lines, MpfRates? mpfRates, Money mpf, Money hmf, ImmutableArray<string> notes)
    {
        Id = id;
        EntryDate = entryDate;
        Type = type;
        IsDeMinimis = deMinimis;
        DeclaredValue = declaredValue;
        EnteredValue = enteredValue;
        Lines = lines;
        MpfRates = mpfRates;
        Mpf = mpf;
        Hmf = hmf;
        Notes = notes;
        _dutyByAuthority = new Money[AuthorityCount];
        Money duty = Money.Zero;
        foreach (LineAmounts line in lines)
        {
            foreach (ComponentDuty c in line.Duty.Components)
            {
                _dutyByAuthority[(int)c.Component.Authority] += c.Amount;
            }

            duty += line.Duty.Total;
        }

        Duty = duty;
    }

    /// <summary>The entry's identifier, or null for a line entered by itself.</summary>
    public string? Id { get; }

    /// <summary>The date of entry.</summary>
    public DateOnly EntryDate { get; }

    /// <summary>The entry type used for the fees.</summary>
    public EntryType Type { get; }

    /// <summary>True when the goods are released free of duty and fees as de minimis.</summary>
    public bool IsDeMinimis { get; }

    /// <summary>The sum of the declared customs values.</summary>
    public Money DeclaredValue { get; }

    /// <summary>The sum of the lines' entered values (whole dollars).</summary>
    public Money EnteredValue { get; }

    /// <summary>The lines, in order, with their duty and their share of the fees.</summary>
    public ImmutableArray<LineAmounts> Lines { get; }

    /// <summary>The MPF figures used, or null for a de minimis entry.</summary>
    public MpfRates? MpfRates { get; }

    /// <summary>True when the rulebook has no MPF figures for the fiscal year of the entry date and the latest known
    /// figures were used instead (<see cref="Notes"/> says so).</summary>
    public bool MpfCarriedForward { get; private init; }

    /// <summary>The total duty.</summary>
    public Money Duty { get; }

    /// <summary>The Merchandise Processing Fee of the entry (class code 499 formal, 311 informal).</summary>
    public Money Mpf { get; }

    /// <summary>The Harbor Maintenance Fee of the entry (class code 501).</summary>
    public Money Hmf { get; }

    /// <summary>Duty plus fees.</summary>
    public Money Total => Duty + Mpf + Hmf;

    /// <summary>Explanations of the choices made (entry type, de minimis, exemptions).</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>The duty charged under one authority, over all lines.</summary>
    public Money DutyFor(Authority authority) => _dutyByAuthority[(int)authority];

    /// <summary>Computes an entry from its lines and their duty.</summary>
    /// <param name="lines">The lines, in order (at least one).</param>
    /// <param name="duties">The duty of each line, in the same order.</param>
    /// <param name="fees">The fee figures.</param>
    /// <returns>The entry, or the reason it cannot be computed (which applies to all its lines).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">There are no lines, or the two lists differ in length.</exception>
    public static EntryResult Calculate(IReadOnlyList<EntryLine> lines, IReadOnlyList<DutyBreakdown> duties, FeeSchedule fees)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(duties);
        ArgumentNullException.ThrowIfNull(fees);
        if (lines.Count == 0 || lines.Count != duties.Count)
        {
            throw new ArgumentException($"An entry needs at least one line and one duty per line ({lines.Count} lines, {duties.Count} duties).", nameof(duties));
        }

        EntryLine first = lines[0];
        DateOnly date = first.EntryDate;
        Money declared = Money.Zero, entered = Money.Zero;
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].EntryDate != date)
            {
                return Fail("entry_date", EntryErrorMessages.DifferentDates, first.EntryId, date, lines[i].EntryDate);
            }

            if (lines[i].EntryType != first.EntryType)
            {
                return Fail("entry_type", EntryErrorMessages.DifferentTypes, first.EntryId);
            }

            declared += lines[i].Value;
            entered += duties[i].EnteredValue;
        }

        var notes = ImmutableArray.CreateBuilder<string>();
        if (first.EntryType is null && declared <= fees.DeMinimis.Threshold)
        {
            DeMinimisSuspension? suspension = null;
            foreach (EntryLine line in lines)
            {
                suspension ??= fees.DeMinimis.FindSuspension(line.Origin, date);
            }

            if (suspension is null)
            {
                notes.Add(Format(EntryErrorMessages.DeMinimis, declared, fees.DeMinimis.Threshold, fees.DeMinimis.Citation));
                var waived = ImmutableArray.CreateBuilder<LineAmounts>(lines.Count);
                foreach (DutyBreakdown d in duties)
                {
                    waived.Add(new LineAmounts(d.Waived(), Money.Zero, Money.Zero));
                }

                return EntryResult.Success(new Entry(first.EntryId, date, EntryType.Informal, true, declared, entered,
                    waived.MoveToImmutable(), null, Money.Zero, Money.Zero, notes.ToImmutable()));
            }

            notes.Add(Format(EntryErrorMessages.DeMinimisSuspended, suspension.Citation));
        }

        MpfRates? mpfRates = fees.FindMpf(date);
        bool carriedForward = false;
        if (mpfRates is null)
        {
            mpfRates = fees.LatestMpfBefore(date);
            if (mpfRates is null)
            {
                return Fail("entry_date", EntryErrorMessages.NoMpf, date, fees.MpfCoverage);
            }

            carriedForward = true;
            notes.Add(Format(EntryErrorMessages.MpfCarriedForward, FeeSchedule.FiscalYearOf(date), date, mpfRates.FiscalYear, mpfRates.Citation));
        }

        EntryType type = first.EntryType ?? fees.Informal.TypeOf(lines, duties, declared, date, notes);
        int n = lines.Count;
        var mpfWeights = new decimal[n];
        var hmfWeights = new decimal[n];
        decimal mpfBase = 0m, hmfBase = 0m;
        for (int i = 0; i < n; i++)
        {
            if (fees.IsMpfExempt(lines[i].ClaimedProgram))
            {
                notes.Add(Format(EntryErrorMessages.MpfExempt, i + 1, lines[i].ClaimedProgram));
            }
            else
            {
                mpfWeights[i] = duties[i].EnteredValue.Amount;
                mpfBase += mpfWeights[i];
            }

            if (lines[i].Mode == TransportMode.Vessel)
            {
                hmfWeights[i] = duties[i].EnteredValue.Amount;
                hmfBase += hmfWeights[i];
            }
        }

        Money mpf = Money.Zero;
        if (mpfBase > 0)
        {
            mpf = type == EntryType.Informal
                ? mpfRates.Informal
                : Clamp(new Money(mpfRates.AdValorem * mpfBase).RoundToCents(), mpfRates.Minimum, mpfRates.Maximum);
        }

        Money hmf = Money.Zero;
        if (hmfBase > 0)
        {
            HmfRates? hmfRates = fees.FindHmf(date);
            if (hmfRates is null)
            {
                return Fail("entry_date", EntryErrorMessages.NoHmf, date);
            }

            hmf = new Money(hmfRates.AdValorem * hmfBase).RoundToCents();
        }

        Money[] mpfShares = Apportion(mpf, mpfWeights);
        Money[] hmfShares = Apportion(hmf, hmfWeights);
        var amounts = ImmutableArray.CreateBuilder<LineAmounts>(n);
        for (int i = 0; i < n; i++)
        {
            amounts.Add(new LineAmounts(duties[i], mpfShares[i], hmfShares[i]));
        }

        return EntryResult.Success(new Entry(first.EntryId, date, type, false, declared, entered, amounts.MoveToImmutable(),
            mpfRates, mpf, hmf, notes.ToImmutable()) { MpfCarriedForward = carriedForward });
    }

    /// <summary>Splits an amount over weights in whole cents: each share is rounded down, then the leftover cents go one
    /// each to the shares with the largest remainders (the earlier line on a tie). Shares add up to the amount exactly.</summary>
    /// <param name="amount">The amount, in whole cents.</param>
    /// <param name="weights">Non-negative weights; when they add up to zero, the first line takes the whole amount.</param>
    public static Money[] Apportion(Money amount, ReadOnlySpan<decimal> weights)
    {
        var shares = new Money[weights.Length];
        if (weights.IsEmpty || amount == Money.Zero)
        {
            return shares;
        }

        decimal total = 0m;
        foreach (decimal w in weights)
        {
            total += w;
        }

        if (total <= 0m)
        {
            shares[0] = amount;
            return shares;
        }

        long cents = (long)(amount.Amount * 100m);
        var remainders = new decimal[weights.Length];
        long given = 0;
        for (int i = 0; i < weights.Length; i++)
        {
            decimal exact = cents * weights[i] / total;
            long floor = (long)Math.Floor(exact);
            shares[i] = new Money(floor / 100m);
            remainders[i] = exact - floor;
            given += floor;
        }

        for (long left = cents - given; left > 0; left--)
        {
            int best = -1;
            for (int i = 0; i < remainders.Length; i++)
            {
                if (weights[i] > 0 && (best < 0 || remainders[i] > remainders[best]))
                {
                    best = i;
                }
            }

            shares[best] += new Money(0.01m);
            remainders[best] = -1m;
        }

        return shares;
    }

    /// <summary>The id, date, line count and total.</summary>
    public override string ToString() => $"Entry {Id ?? "(single line)"} of {EntryDate:yyyy-MM-dd}: {Lines.Length} lines, {Total}";

    private static Money Clamp(Money fee, Money min, Money max) => fee < min ? min : fee > max ? max : fee;

    private static EntryResult Fail(string field, string template, params object?[] args) =>
        EntryResult.Failure(new LineError(field, Format(template, args)));

    private static string Format(string template, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, template, args);
}
