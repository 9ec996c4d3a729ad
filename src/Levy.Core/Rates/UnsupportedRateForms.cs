using System.Collections.Immutable;

namespace Levy.Core.Rates;

/// <summary>Texts printed in rate columns of the 2025–2026 revisions that the grammar does not accept, on purpose, with
/// the reason given to the user (<see cref="UnparsedRate.Reason"/>: "needs manual review").</summary>
/// <remarks>
/// <para>The list is short and closed: the coverage test over all revisions fails when a text is neither a rate nor
/// matched here, so a new form in a new revision is noticed. Matching is by a fragment of the printed text (or the whole
/// text), never by a regular expression, and runs only when a parse has failed.</para>
/// </remarks>
internal static class UnsupportedRateForms
{
    /// <summary>Every unsupported form.</summary>
    internal static ImmutableArray<UnsupportedRateForm> All { get; } =
    [
        // 9110.90.40.00 and 9114.90.30.00, General and Column 2, every revision.
        new("for each other piece or part, but if consisting in part of a plate",
            "A duty per jewel and per other piece of a watch movement, capped at the duty on the complete movement; the cap "
            + "needs the duty of another article, so the rate is not read."),

        // 2909.19.18.00, Column 2, 2025 Basic to Revision 5: "37% /".
        new("% /", "A stray \"/\" follows the rate; the text is a misprint."),

        // 0406.90.94.00, Special column, every revision: "…, 9919.04.67 (PA (PA)".
        new("(PA (PA)", "A program list opens twice (\"(PA (PA)\"); the text is a misprint."),

        // 9913.95.xx, Column 2, 2025 revisions: a cell holding only ":".
        new(":", "The cell holds no rate, only punctuation.", WholeText: true),
    ];

    /// <summary>The form that <paramref name="text"/> matches, or null.</summary>
    internal static UnsupportedRateForm? Find(string text)
    {
        foreach (UnsupportedRateForm form in All)
        {
            if (form.Matches(text))
            {
                return form;
            }
        }

        return null;
    }
}

/// <summary>One unsupported form: a fragment of the printed text and why it is not read.</summary>
/// <param name="Fragment">Text that identifies the form (ordinal comparison).</param>
/// <param name="Reason">Why the text is not read as a rate.</param>
/// <param name="WholeText">True when the whole trimmed text must equal <paramref name="Fragment"/>.</param>
internal sealed record UnsupportedRateForm(string Fragment, string Reason, bool WholeText = false)
{
    /// <summary>True when <paramref name="text"/> is of this form.</summary>
    internal bool Matches(string text) =>
        WholeText ? text.AsSpan().Trim().SequenceEqual(Fragment) : text.Contains(Fragment, StringComparison.Ordinal);
}
