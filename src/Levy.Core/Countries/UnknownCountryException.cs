namespace Levy.Core.Countries;

/// <summary>Thrown when a country typed by a user matches no ISO code, Census code, name or alias.</summary>
public sealed class UnknownCountryException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="input">What the user typed.</param>
    /// <param name="nearest">The nearest known country, if one is close.</param>
    public UnknownCountryException(string input, Country? nearest)
        : base(nearest is null
            ? $"Unknown country \"{input}\": give an ISO 3166 alpha-2 code (JP), an English name (Japan) or a Census code (5880)."
            : $"Unknown country \"{input}\" (did you mean {nearest.Name}, {nearest.Iso}?).")
    {
        Input = input;
        Nearest = nearest;
    }

    /// <summary>What the user typed.</summary>
    public string Input { get; }

    /// <summary>The nearest known country, if one is close.</summary>
    public Country? Nearest { get; }
}
