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

    /// <summary>Creates the exception for a group of countries given where one country is needed.</summary>
    /// <param name="input">What the user typed (a group's name).</param>
    /// <param name="members">The group's members.</param>
    public UnknownCountryException(string input, System.Collections.Immutable.ImmutableArray<Primitives.CountryCode> members)
        : base(Inputs.InputMessages.Format(Inputs.InputMessages.CountryGroup, input.Trim(), members.Length, string.Join(", ", members)))
    {
        Input = input;
        GroupMembers = members;
    }

    /// <summary>What the user typed.</summary>
    public string Input { get; }

    /// <summary>The members of the group the user named, or empty when the input is not a group.</summary>
    public System.Collections.Immutable.ImmutableArray<Primitives.CountryCode> GroupMembers { get; } = [];

    /// <summary>The nearest known country, if one is close.</summary>
    public Country? Nearest { get; }
}
