namespace Levy.Core.Rates;

/// <summary>Reads rate texts (placeholder until the full grammar lands).</summary>
public static class RateParser
{
    /// <summary>Reads a cell of a rate column; never throws: text that is not a rate becomes an <see cref="UnparsedRate"/>.</summary>
    public static Rate ParseCell(string text, RateColumn column)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new UnparsedRate(text, "parser not implemented");
    }
}
