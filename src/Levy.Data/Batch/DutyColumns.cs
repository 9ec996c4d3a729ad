using System.Collections.Frozen;
using Levy.Core.Calculation;
using Levy.Core.Inputs;

namespace Levy.Data.Batch;

/// <summary>The columns of a <c>levy duty --file</c> input (CSV header names, JSON Lines keys). Documented in docs/duty.md.</summary>
public static class DutyColumns
{
    /// <summary>The caller's id of the line, copied to the output (optional: the line number is used when absent).</summary>
    public const string Id = "id";

    /// <summary>The HTS code (10 digits, dots optional). Required.</summary>
    public const string Hts10 = "hts10";

    /// <summary>The country of origin, ISO 3166 alpha-2. Required.</summary>
    public const string Origin = "origin";

    /// <summary>The customs value in USD. Required.</summary>
    public const string Value = "value";

    /// <summary>The first quantity.</summary>
    public const string Quantity1 = "quantity1";

    /// <summary>The unit of the first quantity (blank: the HTS unit).</summary>
    public const string Unit1 = "unit1";

    /// <summary>The second quantity, for lines with two units.</summary>
    public const string Quantity2 = "quantity2";

    /// <summary>The unit of the second quantity.</summary>
    public const string Unit2 = "unit2";

    /// <summary>The date of entry, yyyy-MM-dd. Required.</summary>
    public const string EntryDate = "entry_date";

    /// <summary>The date of loading, yyyy-MM-dd.</summary>
    public const string LoadingDate = "loading_date";

    /// <summary>The mode of transport: vessel, air, truck, rail, mail, other.</summary>
    public const string Mode = "mode";

    /// <summary>The Special Program Indicator claimed.</summary>
    public const string Program = "program";

    /// <summary>The steel content as a share of value (0–1, or a percentage).</summary>
    public const string SteelShare = "steel_share";

    /// <summary>The aluminum content as a share of value.</summary>
    public const string AluminumShare = "aluminum_share";

    /// <summary>The copper content as a share of value.</summary>
    public const string CopperShare = "copper_share";

    /// <summary>The value of the steel content in USD (instead of the share).</summary>
    public const string SteelValue = "steel_value";

    /// <summary>The value of the aluminum content in USD.</summary>
    public const string AluminumValue = "aluminum_value";

    /// <summary>The value of the copper content in USD.</summary>
    public const string CopperValue = "copper_value";

    /// <summary>The U.S. content as a share of value.</summary>
    public const string UsContentShare = "us_content_share";

    /// <summary>Facts the importer certifies (rulebook conditions.yaml), separated by <c>;</c> or <c>|</c>, e.g.
    /// <c>us-melted-metal</c>.</summary>
    public const string Conditions = "conditions";

    /// <summary>The entry the line belongs to; lines of one entry must be one after another.</summary>
    public const string EntryId = "entry_id";

    /// <summary>The entry type: formal (01) or informal (11); blank to decide by value.</summary>
    public const string EntryType = "entry_type";

    /// <summary>The prefix of declared amounts read by <c>--compare</c>: <c>declared_duty_total</c>, <c>declared_mfn</c>,
    /// <c>declared_mpf</c>, <c>declared_hmf</c>, <c>declared_9903.01.25</c>.</summary>
    public const string DeclaredPrefix = "declared_";

    /// <summary>The columns that must be present.</summary>
    public static IReadOnlyList<string> Required { get; } = [Hts10, Origin, Value, EntryDate];

    /// <summary>Every column Levy reads (declared amounts aside), in the order of the documentation.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Id, Hts10, Origin, Value, Quantity1, Unit1, Quantity2, Unit2, EntryDate, LoadingDate, Mode, Program,
        SteelShare, AluminumShare, CopperShare, SteelValue, AluminumValue, CopperValue, UsContentShare, Conditions, EntryId, EntryType,
    ];

    /// <summary>The declared amounts that are not per heading, by the name after <c>declared_</c>.</summary>
    public static IReadOnlyList<string> DeclaredTotals { get; } = ["duty_total", "mfn", "mpf", "hmf"];

    /// <summary>Reads a mode of transport as written in a batch or on the command line (vessel, sea, ocean, air, truck,
    /// road, rail, mail, other, or the CBP mode-of-transportation codes 10/11, 20/21, 30/31, 40/41); null when unknown.
    /// The spellings are those of <see cref="UserInputs.Mode"/>.</summary>
    public static TransportMode? ParseMode(string text) => ParseMode(text.AsSpan());

    /// <inheritdoc cref="ParseMode(string)"/>
    public static TransportMode? ParseMode(ReadOnlySpan<char> text) =>
        UserInputs.Mode.TryReadChoice(text, out string? choice, out _) ? ModeOf(choice) : null;

    /// <summary>The mode a choice of <see cref="UserInputs.Mode"/> names.</summary>
    public static TransportMode ModeOf(string choice) => choice switch
    {
        "vessel" => TransportMode.Vessel,
        "air" => TransportMode.Air,
        "truck" => TransportMode.Truck,
        "rail" => TransportMode.Rail,
        "mail" => TransportMode.Mail,
        _ => TransportMode.Other,
    };

    internal static FrozenDictionary<string, int> Positions { get; } =
        All.Select((name, i) => (name, i)).ToFrozenDictionary(p => p.name, p => p.i, StringComparer.OrdinalIgnoreCase);
}
