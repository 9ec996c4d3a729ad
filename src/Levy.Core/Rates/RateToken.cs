namespace Levy.Core.Rates;

/// <summary>One token of a rate text: its kind and where its text lies in the input.</summary>
/// <remarks>A token does not hold its text; <see cref="TextIn"/> slices it from the input, so reading a text allocates
/// nothing. Immutable.</remarks>
/// <param name="Kind">What the token is.</param>
/// <param name="Position">Index of its first character in the input (0-based).</param>
/// <param name="Length">Number of characters.</param>
/// <param name="FollowsSpace">True when white space stands between this token and the one before it (markup tags alone
/// do not count), so that texts rebuilt from tokens keep single spaces where the input had any.</param>
internal readonly record struct RateToken(RateTokenKind Kind, int Position, int Length, bool FollowsSpace)
{
    /// <summary>The index just after the token.</summary>
    public int End => Position + Length;

    /// <summary>The token's text within <paramref name="input"/>.</summary>
    public ReadOnlySpan<char> TextIn(ReadOnlySpan<char> input) => input.Slice(Position, Length);

    /// <summary>True when the token is the word or punctuation <paramref name="text"/> (case-insensitive).</summary>
    public bool Is(ReadOnlySpan<char> input, string text) =>
        Kind != RateTokenKind.End && TextIn(input).Equals(text, StringComparison.OrdinalIgnoreCase);
}
