namespace Levy.Core.Refunds;

/// <summary>What the check of a line against the law found. A line may carry several.</summary>
[Flags]
public enum RefundFlags
{
    /// <summary>Nothing to report.</summary>
    None = 0,

    /// <summary>IEEPA duty declared where the law charged none: refundable all the same.</summary>
    IeepaNotCharged = 1,

    /// <summary>IEEPA duty the law charged but the line did not declare: an exposure, not a refund.</summary>
    IeepaUndeclared = 2,

    /// <summary>IEEPA duty declared and charged by the law, in a different amount.</summary>
    IeepaAmountDiffers = 4,

    /// <summary>The duties other than IEEPA (ordinary, Section 232, 301…) differ from what the law charged.</summary>
    NonIeepaDifference = 8,

    /// <summary>Entered from the day of the ruling to the last day of collection: IEEPA duty collected though already void.</summary>
    VoidButCollected = 16,

    /// <summary>The engine could not check the line (a code not in the schedule, a specific duty without quantity…).</summary>
    NotChecked = 32,
}

/// <summary>The legal reason of each flag, as shown to users.</summary>
public static class RefundFlagReasons
{
    /// <summary>Every flag, in the order they are reported.</summary>
    public static IReadOnlyList<RefundFlags> All { get; } =
    [
        RefundFlags.IeepaNotCharged, RefundFlags.IeepaUndeclared, RefundFlags.IeepaAmountDiffers, RefundFlags.NonIeepaDifference,
        RefundFlags.VoidButCollected, RefundFlags.NotChecked,
    ];

    /// <summary>The short name of a single flag (<c>ieepa-not-charged</c>…).</summary>
    public static string Name(RefundFlags flag) => flag switch
    {
        RefundFlags.IeepaNotCharged => "ieepa-not-charged",
        RefundFlags.IeepaUndeclared => "ieepa-undeclared",
        RefundFlags.IeepaAmountDiffers => "ieepa-amount-differs",
        RefundFlags.NonIeepaDifference => "non-ieepa-difference",
        RefundFlags.VoidButCollected => "void-but-collected",
        RefundFlags.NotChecked => "not-checked",
        _ => flag.ToString(),
    };

    /// <summary>The names of every flag set, comma-separated.</summary>
    public static string Names(RefundFlags flags) => string.Join(",", All.Where(f => flags.HasFlag(f)).Select(Name));

    /// <summary>Parses a flag name.</summary>
    public static RefundFlags? Parse(string name) => All.FirstOrDefault(f => Name(f) == name) is var f && f != RefundFlags.None ? f : null;

    /// <summary>Why a flag matters, with the law it rests on.</summary>
    /// <param name="flag">One flag.</param>
    /// <param name="rules">The refund rules (dates and sources).</param>
    public static string Reason(RefundFlags flag, RefundRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return flag switch
        {
            RefundFlags.IeepaNotCharged =>
                "IEEPA duty was declared where the rulebook charged none (an exemption such as U.S. note 2(v)(iii) Annex II or heading 9903.01.33 for Section 232 goods applied, or the measure was not in force). " +
                "It is refundable all the same: CAPE removes every IEEPA Chapter 99 number from the entry and recalculates without it, since Learning Resources, Inc. v. Trump held that IEEPA authorises no tariff (" + rules.SourceOf("ruling") + ").",
            RefundFlags.IeepaUndeclared =>
                "The rulebook charged IEEPA duty on this line but none was declared. Nothing is refundable for it, and since IEEPA duties are void no IEEPA duty is owed either; " +
                "the amount is shown as the exposure the entry carried before the ruling (the Chapter 99 number should have been reported, CBP CSMS #39587858 order of reporting).",
            RefundFlags.IeepaAmountDiffers =>
                "IEEPA duty was declared and charged by the law, in another amount (a wrong country rate, a floor computed on the wrong base, an in-transit heading). The refund is what was paid: CAPE refunds the IEEPA duty deposited on the entry.",
            RefundFlags.NonIeepaDifference =>
                "The duties other than IEEPA differ from what the law charged on the entry date (e.g. a Section 232 rate of the wrong period, a reciprocal duty paid on a Section 232 good that U.S. note 2(v)(vi)-(xvi) excludes, a wrong ordinary rate). " +
                "CAPE does not correct these: a post-summary correction before liquidation (19 CFR 101.9(b)) or a protest after it (19 U.S.C. 1514) does.",
            RefundFlags.VoidButCollected =>
                $"Entered from {rules.RulingDate:yyyy-MM-dd} (the day of the ruling) to {rules.CollectionEnded.AddDays(-1):yyyy-MM-dd}: CBP kept collecting IEEPA duties until it stopped for entries of {rules.CollectionEnded:yyyy-MM-dd} ({rules.SourceOf("collection_ended")}). " +
                "The duty was void when collected and is refundable like every other IEEPA deposit.",
            RefundFlags.NotChecked =>
                "The engine could not quote the line (see the note): its refund is still the IEEPA duty paid, but the law's amounts are unknown.",
            _ => string.Empty,
        };
    }
}
