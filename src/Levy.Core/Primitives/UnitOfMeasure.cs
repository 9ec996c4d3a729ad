using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Levy.Core.Primitives;

/// <summary>A unit of quantity as the HTS writes it in rate texts and reporting units: <c>kg</c>, <c>No.</c>,
/// <c>liters</c>, <c>pf. liters</c>, <c>doz.</c>, <c>m²</c>, <c>kg cmsc</c>…</summary>
/// <remarks>
/// <para>Spellings are normalised once (<c>m2</c>, <c>m&lt;sup&gt;2&lt;/sup&gt;</c> and <c>m²</c> are one unit;
/// <c>liter</c> and <c>liters</c> are one unit; <c>each</c> is <c>No.</c>). Units of one dimension convert with exact
/// decimal factors (<see cref="TryConvert"/>); a unit Levy does not know keeps its text and converts only to itself.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public readonly record struct UnitOfMeasure
{
    private UnitOfMeasure(string symbol) => Symbol = symbol;

    /// <summary>The canonical symbol, e.g. <c>kg</c>, <c>pf. liters</c>, <c>m²</c>.</summary>
    public string Symbol { get; }

    /// <summary>Kilograms.</summary>
    public static UnitOfMeasure Kilogram { get; } = new("kg");

    /// <summary>Number of articles ("No.", "each").</summary>
    public static UnitOfMeasure Number { get; } = new("No.");

    /// <summary>Liters.</summary>
    public static UnitOfMeasure Liter { get; } = new("liters");

    /// <summary>Proof liters (alcohol).</summary>
    public static UnitOfMeasure ProofLiter { get; } = new("pf. liters");

    /// <summary>Dozens.</summary>
    public static UnitOfMeasure Dozen { get; } = new("doz.");

    /// <summary>Square meters.</summary>
    public static UnitOfMeasure SquareMeter { get; } = new("m²");

    /// <summary>Cubic meters.</summary>
    public static UnitOfMeasure CubicMeter { get; } = new("m³");

    /// <summary>Clean kilograms (wool).</summary>
    public static UnitOfMeasure CleanKilogram { get; } = new("clean kg");

    /// <summary>True for the default value, which holds no unit.</summary>
    public bool IsEmpty => Symbol is null;

    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["kg"] = "kg", ["kilogram"] = "kg", ["kilograms"] = "kg",
        ["g"] = "g", ["gram"] = "g", ["grams"] = "g",
        ["t"] = "t", ["ton"] = "t", ["tons"] = "t", ["metric ton"] = "t",
        ["no."] = "No.", ["no"] = "No.", ["each"] = "No.", ["article"] = "No.", ["head"] = "No.", ["pcs"] = "pcs", ["pieces"] = "pcs",
        ["liter"] = "liters", ["liters"] = "liters", ["litre"] = "liters", ["l"] = "liters",
        ["pf. liter"] = "pf. liters", ["pf. liters"] = "pf. liters", ["pf.liter"] = "pf. liters", ["pf.liters"] = "pf. liters", ["proof liter"] = "pf. liters",
        ["doz."] = "doz.", ["doz"] = "doz.", ["dozen"] = "doz.",
        ["doz. prs."] = "doz. prs.", ["doz. prs"] = "doz. prs.",
        ["pr."] = "prs.", ["prs."] = "prs.", ["pair"] = "prs.", ["pairs"] = "prs.",
        ["gross"] = "gross",
        ["line/gross"] = "gr.lines", ["gr.lines"] = "gr.lines", ["gross lines"] = "gr.lines",
        ["jewel"] = "Jwls.", ["jewels"] = "Jwls.", ["jwls."] = "Jwls.",
        ["pack"] = "pack", ["packs"] = "pack",
        ["bbl"] = "bbl", ["barrel"] = "bbl", ["barrels"] = "bbl",
        ["m2"] = "m²", ["m²"] = "m²", ["m<sup>2</sup>"] = "m²",
        ["m3"] = "m³", ["m³"] = "m³", ["m<sup>3</sup>"] = "m³",
        ["cm2"] = "cm²", ["cm<sup>2</sup>"] = "cm²",
        ["m"] = "m", ["lin. m"] = "lin. m",
        ["clean kg"] = "clean kg", ["kg cmsc"] = "kg cmsc", ["kg msc"] = "kg msc",
        ["thousand"] = "thousands", ["thousands"] = "thousands", ["1,000"] = "thousands", ["1000"] = "thousands", ["thou- sand"] = "thousands",
        ["1,000 pins"] = "thousands", ["1000 pins"] = "thousands",
        ["hundreds"] = "hundreds",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Base unit and exact factor for units that convert: 1 unit = factor × base.
    private static readonly FrozenDictionary<string, (string Base, decimal Factor)> Conversions = new Dictionary<string, (string, decimal)>
    {
        ["kg"] = ("kg", 1m), ["g"] = ("kg", 0.001m), ["t"] = ("kg", 1000m),
        ["No."] = ("No.", 1m), ["pcs"] = ("No.", 1m), ["doz."] = ("No.", 12m), ["gross"] = ("No.", 144m),
        ["thousands"] = ("No.", 1000m), ["hundreds"] = ("No.", 100m), ["prs."] = ("prs.", 1m), ["doz. prs."] = ("prs.", 12m),
        ["liters"] = ("liters", 1m), ["m³"] = ("liters", 1000m),
        ["m²"] = ("m²", 1m), ["cm²"] = ("m²", 0.0001m),
    }.ToFrozenDictionary();

    /// <summary>Normalises a unit as written in the HTS; tags such as <c>&lt;u&gt;</c> and surrounding spaces are dropped.</summary>
    /// <exception cref="ArgumentException">The text is empty once tags and spaces are removed.</exception>
    public static UnitOfMeasure Parse(string text)
    {
        return TryParse(text, out UnitOfMeasure unit)
            ? unit
            : throw new ArgumentException($"\"{text}\" is not a unit of measure.", nameof(text));
    }

    /// <summary>Normalises a unit; false when the text is empty.</summary>
    public static bool TryParse(string? text, out UnitOfMeasure unit)
    {
        unit = default;
        if (text is null)
        {
            return false;
        }

        string clean = Text.Markup.Strip(text).Trim();
        if (clean.Length == 0)
        {
            return false;
        }

        unit = new UnitOfMeasure(Aliases.TryGetValue(clean, out string? canonical) ? canonical : string.Intern(clean));
        return true;
    }

    /// <summary>True when the unit is one Levy knows by name (the units of the schedule's rates and reporting columns and
    /// their usual spellings), false for any other text, which <see cref="TryParse"/> keeps as written.</summary>
    public bool IsKnown => Symbol is not null && (Conversions.ContainsKey(Symbol) || KnownSymbols.Contains(Symbol));

    private static readonly FrozenSet<string> KnownSymbols = Aliases.Values.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The exact factor that converts an amount in this unit to <paramref name="target"/>, if the two share a dimension.</summary>
    public bool TryConvert(UnitOfMeasure target, out decimal factor)
    {
        factor = 1m;
        if (Symbol == target.Symbol)
        {
            return true;
        }

        if (Symbol is not null && target.Symbol is not null
            && Conversions.TryGetValue(Symbol, out var from) && Conversions.TryGetValue(target.Symbol, out var to)
            && from.Base == to.Base)
        {
            factor = from.Factor / to.Factor;
            return true;
        }

        return false;
    }

    /// <summary>The canonical symbol.</summary>
    public override string ToString() => Symbol ?? string.Empty;
}
