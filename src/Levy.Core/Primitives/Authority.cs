using System.Collections.Immutable;

namespace Levy.Core.Primitives;

/// <summary>The authority under which a duty is charged.</summary>
/// <remarks>Names for people, panel columns and output keys are derived from one table, <see cref="Authorities"/>.</remarks>
public enum Authority
{
    /// <summary>The ordinary (column 1 General, Special or column 2) rate of the HTS.</summary>
    Mfn,

    /// <summary>Section 232 of the Trade Expansion Act of 1962 (national security).</summary>
    Section232,

    /// <summary>Section 301 of the Trade Act of 1974 (unfair trade practices).</summary>
    Section301,

    /// <summary>IEEPA "fentanyl" / border emergency duties (Canada, Mexico, China).</summary>
    IeepaFentanyl,

    /// <summary>IEEPA reciprocal duties (EO 14257 and successors).</summary>
    IeepaReciprocal,

    /// <summary>Section 122 of the Trade Act of 1974 (balance of payments).</summary>
    Section122,

    /// <summary>Section 201 of the Trade Act of 1974 (safeguards).</summary>
    Section201,

    /// <summary>Other Chapter 99 provisions (e.g. column 2 increases for Russia).</summary>
    Other,
}

/// <summary>How one authority is named in each place Levy shows it.</summary>
/// <param name="Authority">The authority.</param>
/// <param name="Name">The display name: "Section 232", "IEEPA reciprocal".</param>
/// <param name="Label">The short column label of tables: "232", "Reciprocal".</param>
/// <param name="PanelColumn">The panel column (docs/panel.md): <c>s232</c>, <c>ieepa_reciprocal</c>.</param>
/// <param name="PanelDescription">What the panel column holds.</param>
public sealed record AuthorityInfo(Authority Authority, string Name, string Label, string PanelColumn, string PanelDescription);

/// <summary>The one table of authorities: every name, label and column is read from here.</summary>
public static class Authorities
{
    /// <summary>Every authority, in <see cref="Authority"/> order (the index is the enum's value).</summary>
    public static ImmutableArray<AuthorityInfo> All { get; } =
    [
        new(Authority.Mfn, "MFN", "MFN", "mfn",
            "Ordinary duty: column 1 General, or column 2 for Cuba, North Korea, Russia, Belarus; the ad valorem part when the rate is specific (or its estimated equivalent, ave_estimated)"),
        new(Authority.Section232, "Section 232", "232", "s232", "Section 232 (steel, aluminum, copper, autos and parts, trucks, wood, semiconductors)"),
        new(Authority.Section301, "Section 301", "301", "s301", "Section 301 (China)"),
        new(Authority.IeepaFentanyl, "IEEPA fentanyl", "Fentanyl", "ieepa_fentanyl", "IEEPA fentanyl / border duties (Canada, Mexico, China and Hong Kong)"),
        new(Authority.IeepaReciprocal, "IEEPA reciprocal", "Reciprocal", "ieepa_reciprocal", "IEEPA reciprocal duties, with the Brazil and India add-ons"),
        new(Authority.Section122, "Section 122", "122", "s122", "Section 122 balance-of-payments surcharge (2026)"),
        new(Authority.Section201, "Section 201", "201", "s201", "Section 201 safeguards (solar)"),
        new(Authority.Other, "Other", "Other", "other", "Other Chapter 99 duties (Russia column 2 increases)"),
    ];

    /// <summary>The number of authorities.</summary>
    public const int Count = 8;

    /// <summary>The row of an authority.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="authority"/> is not a member of <see cref="Authority"/>.</exception>
    public static AuthorityInfo Of(Authority authority) => (uint)authority < Count
        ? All[(int)authority]
        : throw new ArgumentOutOfRangeException(nameof(authority), authority, "Unknown authority.");

    /// <summary>The display name of an authority: "Section 232", "IEEPA reciprocal".</summary>
    public static string NameOf(Authority authority) => (uint)authority < Count ? All[(int)authority].Name : All[^1].Name;

    /// <summary>The display name of an authority written as its enum name (as in JSON), or the text itself.</summary>
    public static string NameOf(string authority) => Enum.TryParse(authority, out Authority a) ? NameOf(a) : authority;
}
