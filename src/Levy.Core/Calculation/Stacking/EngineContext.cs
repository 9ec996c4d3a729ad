using Levy.Core.Calculation.Planning;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;

namespace Levy.Core.Calculation.Stacking;

/// <summary>What the stacking rules read besides the plan and the request: the rulebook, the defaults, and the roles the
/// engine gives to some of the rulebook's names (the metal slot, the U.S.-content slot, heading and threshold, the
/// column-2 group).</summary>
/// <remarks>Thread-safe once built.</remarks>
internal sealed class EngineContext
{
    // The roles are declared in the rulebook's engine: block (Rulebook.Roles); these are the only places that read them.

    /// <summary>The slot whose duty spares the U.S. content of an article (the IEEPA reciprocal duty).</summary>
    internal string UsContentSlot => Rulebook.Roles.UsContent.Slot;

    /// <summary>The least U.S. content, as a share of value, for that slot's duty to spare it (EO 14257 sec. 3(d)).</summary>
    internal decimal UsContentThreshold => Rulebook.Roles.UsContent.Threshold;

    /// <summary>The heading declared for the U.S. content of an article.</summary>
    internal HtsCode UsContentHeading => Rulebook.Roles.UsContent.Heading;

    private readonly CountryDirectory _countries;
    private CountrySet? _column2;

    internal EngineContext(Rulebook rulebook, CountryDirectory countries, MetalShares metal, QuoteDefaults defaults)
    {
        Rulebook = rulebook;
        _countries = countries;
        Metal = metal;
        Defaults = defaults;
        MetalSlotIndex = rulebook.SlotIndex(rulebook.Roles.MetalSlot);
    }

    internal Rulebook Rulebook { get; }

    internal MetalShares Metal { get; }

    internal QuoteDefaults Defaults { get; }

    /// <summary>The index of the metal slot (the rulebook's role), or -1 when the rulebook has none.</summary>
    internal int MetalSlotIndex { get; }

    /// <summary>The column-2 countries.</summary>
    internal CountrySet Column2 => _column2 ??= CountrySet.Create(Rulebook.Roles.Column2Group, _countries.GroupMembers(Rulebook.Roles.Column2Group));

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
