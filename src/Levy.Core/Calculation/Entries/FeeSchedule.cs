using System.Collections.Frozen;
using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Entries;

/// <summary>The entry-level fees and thresholds by date: Merchandise Processing Fee per fiscal year, Harbor Maintenance
/// Fee, the informal-entry limit, the programs whose goods pay no MPF, and de minimis treatment.</summary>
/// <remarks>
/// <para>Every figure is data with dates and a citation (rulebook <c>fees.yaml</c>, read by Levy.Data); nothing here is
/// a constant in code. <see cref="FindMpf"/> returns the figures of the fiscal year of a date, or null; for a date after
/// the last fiscal year given, <see cref="LatestMpfBefore"/> gives the latest figures, which <see cref="Entry"/> uses and
/// says so (CBP publishes each year's figures in the Federal Register each summer, and a rulebook can lag behind).</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class FeeSchedule
{
    private readonly FrozenSet<string> _mpfExemptPrograms;

    /// <summary>Creates a schedule.</summary>
    /// <param name="mpf">MPF figures per fiscal year; periods must not overlap.</param>
    /// <param name="hmf">HMF rates; periods must not overlap.</param>
    /// <param name="informal">The informal-entry rules.</param>
    /// <param name="mpfExemptPrograms">Special Program Indicators whose originating goods pay no MPF (19 CFR 24.23(c)).</param>
    /// <param name="deMinimis">De minimis treatment.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Two periods of the same fee overlap.</exception>
    public FeeSchedule(IEnumerable<MpfRates> mpf, IEnumerable<HmfRates> hmf, InformalEntryRule informal,
        IEnumerable<string> mpfExemptPrograms, DeMinimisRule deMinimis)
    {
        ArgumentNullException.ThrowIfNull(mpf);
        ArgumentNullException.ThrowIfNull(hmf);
        ArgumentNullException.ThrowIfNull(informal);
        ArgumentNullException.ThrowIfNull(mpfExemptPrograms);
        ArgumentNullException.ThrowIfNull(deMinimis);
        Mpf = [.. mpf.OrderBy(m => m.Period.Start)];
        Hmf = [.. hmf.OrderBy(h => h.Period.Start)];
        CheckNoOverlap(Mpf.Select(m => (m.Period, m.FiscalYear)), "MPF");
        CheckNoOverlap(Hmf.Select(h => (h.Period, h.Citation)), "HMF");
        Informal = informal;
        _mpfExemptPrograms = mpfExemptPrograms.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        DeMinimis = deMinimis;
    }

    /// <summary>MPF figures, by start date.</summary>
    public ImmutableArray<MpfRates> Mpf { get; }

    /// <summary>HMF rates, by start date.</summary>
    public ImmutableArray<HmfRates> Hmf { get; }

    /// <summary>The informal-entry rules.</summary>
    public InformalEntryRule Informal { get; }

    /// <summary>De minimis treatment.</summary>
    public DeMinimisRule DeMinimis { get; }

    /// <summary>The programs whose originating goods pay no MPF.</summary>
    public IReadOnlyCollection<string> MpfExemptPrograms => _mpfExemptPrograms;

    /// <summary>The MPF figures for an entry date (the fiscal year follows the entry date), or null when the data has none.</summary>
    public MpfRates? FindMpf(DateOnly entryDate)
    {
        foreach (MpfRates m in Mpf)
        {
            if (m.Period.Contains(entryDate))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>For an entry date after every fiscal year of the data, the figures of the latest one; null otherwise (a date
    /// that has figures, or one before the first).</summary>
    /// <param name="entryDate">The date of entry.</param>
    public MpfRates? LatestMpfBefore(DateOnly entryDate) =>
        !Mpf.IsEmpty && Mpf[^1].Period.End is { } end && entryDate >= end ? Mpf[^1] : null;

    /// <summary>The U.S. federal fiscal year of a date, which starts on 1 October (<c>FY2027</c> for 2026-10-01).</summary>
    /// <param name="date">The date.</param>
    public static string FiscalYearOf(DateOnly date) => $"FY{(date.Month >= 10 ? date.Year + 1 : date.Year)}";

    /// <summary>The HMF rate for an entry date, or null when the data has none.</summary>
    public HmfRates? FindHmf(DateOnly entryDate)
    {
        foreach (HmfRates h in Hmf)
        {
            if (h.Period.Contains(entryDate))
            {
                return h;
            }
        }

        return null;
    }

    /// <summary>True when goods entered under <paramref name="program"/> pay no MPF.</summary>
    public bool IsMpfExempt(string? program) => program is not null && _mpfExemptPrograms.Contains(program);

    /// <summary>The entry dates the MPF figures cover, for messages (<c>2024-10-01 → 2026-10-01</c>).</summary>
    public string MpfCoverage => Mpf.IsEmpty ? "no dates" : $"{Mpf[0].Period.Start:yyyy-MM-dd} to {Mpf[^1].Period.End?.AddDays(-1):yyyy-MM-dd}";

    private static void CheckNoOverlap(IEnumerable<(EffectivePeriod Period, string Name)> periods, string fee)
    {
        EffectivePeriod? previous = null;
        foreach ((EffectivePeriod p, string name) in periods)
        {
            if (previous is { } prev && (prev.End is not { } end || end > p.Start))
            {
                throw new ArgumentException($"{fee} periods overlap: {prev} and {p} ({name}).");
            }

            previous = p;
        }
    }
}
