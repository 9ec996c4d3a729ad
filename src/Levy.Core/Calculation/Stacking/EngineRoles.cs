using Levy.Core.Calculation.Planning;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Stacking;

/// <summary>What the stacking rules read besides the plan and the request: the rulebook, the defaults, and the roles the
/// engine gives to some of the rulebook's names (the metal slot, the U.S.-content slot, heading and threshold, the
/// column-2 group).</summary>
/// <remarks>The role names are written here, and only here, so that declaring them in the rulebook changes one place.
/// Thread-safe once built.</remarks>
internal sealed class EngineRoles
{
    /// <summary>The slot whose duty is charged on metal content and which other slots ask about (Section 232).</summary>
    internal const string MetalSlot = "s232";

    /// <summary>The slot whose duty spares the U.S. content of an article (the IEEPA reciprocal duty).</summary>
    internal const string UsContentSlot = "reciprocal";

    /// <summary>The country group that takes column 2 rates (General Note 3(b)).</summary>
    internal const string Column2Group = "COLUMN2";

    /// <summary>The least U.S. content, as a share of value, for the reciprocal duty to spare it (EO 14257 sec. 3(d)).</summary>
    internal const decimal UsContentThreshold = 0.20m;

    /// <summary>The heading declared for the U.S. content of an article.</summary>
    internal static HtsCode UsContentHeading { get; } = HtsCode.Parse("9903.01.34");

    private readonly CountryDirectory _countries;
    private CountrySet? _column2;

    internal EngineRoles(Rulebook rulebook, CountryDirectory countries, MetalShares metal, QuoteDefaults defaults)
    {
        Rulebook = rulebook;
        _countries = countries;
        Metal = metal;
        Defaults = defaults;
        MetalSlotIndex = SlotIndex(MetalSlot);
    }

    internal Rulebook Rulebook { get; }

    internal MetalShares Metal { get; }

    internal QuoteDefaults Defaults { get; }

    /// <summary>The index of <see cref="MetalSlot"/>, or -1 when the rulebook has none.</summary>
    internal int MetalSlotIndex { get; }

    /// <summary>The column-2 countries.</summary>
    internal CountrySet Column2 => _column2 ??= CountrySet.Create(Column2Group, _countries.GroupMembers(Column2Group));

    /// <summary>The slot index of a slot name, or -1.</summary>
    internal int SlotIndex(string name) => ProductPlanner.SlotIndex(Rulebook, name);

    /// <summary>True when the claimed program is (one of the symbols of) the needed program.</summary>
    internal bool ProgramMatches(string needed, string? claimed)
    {
        if (claimed is null)
        {
            return false;
        }

        PreferenceProgram? p = Rulebook.FindProgram(needed);
        return p is not null ? p.Symbols.Contains(claimed, StringComparer.OrdinalIgnoreCase) : string.Equals(needed, claimed, StringComparison.OrdinalIgnoreCase);
    }
}
