namespace Levy.Core.Calculation;

/// <summary>How authorities are named for people: "Section 232", "IEEPA reciprocal".</summary>
public static class AuthorityNames
{
    /// <summary>The display name of an authority.</summary>
    public static string Of(Authority authority) => authority switch
    {
        Authority.Mfn => "MFN",
        Authority.Section232 => "Section 232",
        Authority.Section301 => "Section 301",
        Authority.IeepaFentanyl => "IEEPA fentanyl",
        Authority.IeepaReciprocal => "IEEPA reciprocal",
        Authority.Section122 => "Section 122",
        Authority.Section201 => "Section 201",
        _ => "Other",
    };

    /// <summary>The display name of an authority written as its enum name (as in JSON), or the text itself.</summary>
    public static string Of(string authority) => Enum.TryParse(authority, out Authority a) ? Of(a) : authority;
}
