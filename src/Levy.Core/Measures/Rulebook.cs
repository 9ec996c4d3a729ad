using System.Collections.Frozen;
using System.Collections.Immutable;
using Levy.Core.Primitives;

namespace Levy.Core.Measures;

/// <summary>How the winner of a slot is chosen.</summary>
public enum SlotChoice
{
    /// <summary>The covering measure with the highest priority.</summary>
    Priority,

    /// <summary>The covering measure with the highest ad valorem rate (exemptions still win by priority).</summary>
    HighestRate,
}

/// <summary>A slot: measures that never stack with one another.</summary>
/// <param name="Name">The slot name.</param>
/// <param name="Choice">How the winner is chosen.</param>
/// <param name="Citation">Why they do not stack.</param>
public sealed record SlotRule(string Name, SlotChoice Choice, string? Citation);

/// <summary>A Special Program Indicator and who may claim it, when.</summary>
/// <param name="Symbols">The symbols (<c>S</c>, <c>S+</c>).</param>
/// <param name="Name">The program.</param>
/// <param name="Countries">The beneficiaries, or null when not tied to an origin or not checked.</param>
/// <param name="CountriesChecked">False when Levy does not hold the beneficiary list.</param>
/// <param name="Period">When it is in force.</param>
/// <param name="Source">The legal source.</param>
public sealed record PreferenceProgram(ImmutableArray<string> Symbols, string Name, CountrySet? Countries, bool CountriesChecked, EffectivePeriod Period, string Source)
{
    /// <inheritdoc/>
    public bool Equals(PreferenceProgram? other) => other is not null && Symbols.SequenceEqual(other.Symbols) && Name == other.Name;

    /// <inheritdoc/>
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}

/// <summary>A fact only the importer can certify (e.g. U.S.-melted metal), which some headings need.</summary>
/// <param name="Name">The name used in requests (<c>us-melted-metal</c>).</param>
/// <param name="Description">What the importer certifies.</param>
/// <param name="Source">The legal source.</param>
/// <param name="OfferedFor">The products for which a quote offers the condition as a choice (e.g. the articles of civil
/// aircraft by classification), or null for every product a measure needing it covers. Certifying it still counts for
/// any product; the list only keeps quotes of T-shirts from asking whether they are aircraft parts.</param>
public sealed record ShipmentCondition(string Name, string Description, string Source, ProductSet? OfferedFor = null);

/// <summary>The policy rulebook: measures, slots and their order, preference programs, certifiable conditions, and the roles
/// the engine's own rules rely on.</summary>
/// <remarks>Built once from the rulebook files; immutable and thread-safe. Scenarios are new rulebooks derived with
/// <see cref="With(IEnumerable{PolicyMeasure})"/>. The constructor checks nothing: <see cref="Validate"/> checks every
/// cross-reference, and the readers of the YAML files, the scenarios and the data bundle run it.</remarks>
public sealed partial class Rulebook
{
    /// <summary>Creates a rulebook.</summary>
    public Rulebook(
        IEnumerable<PolicyMeasure> measures,
        IEnumerable<SlotRule> slots,
        IEnumerable<PreferenceProgram> programs,
        IEnumerable<ShipmentCondition> conditions,
        IEnumerable<string> declarationOrder,
        string declarationOrderSource,
        EngineRoles roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        Measures = measures.ToImmutableArray();
        Slots = slots.ToImmutableArray();
        Programs = programs.ToImmutableArray();
        Conditions = conditions.ToFrozenDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        DeclarationOrder = declarationOrder.ToImmutableArray();
        DeclarationOrderSource = declarationOrderSource;
        Roles = roles;
        var bySymbol = new Dictionary<string, PreferenceProgram>(StringComparer.OrdinalIgnoreCase);
        foreach (PreferenceProgram p in Programs)
        {
            foreach (string symbol in p.Symbols)
            {
                bySymbol.TryAdd(symbol, p);
            }
        }

        _programsBySymbol = bySymbol.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private readonly FrozenDictionary<string, PreferenceProgram> _programsBySymbol;

    /// <summary>Every measure.</summary>
    public ImmutableArray<PolicyMeasure> Measures { get; }

    /// <summary>The slots in evaluation order.</summary>
    public ImmutableArray<SlotRule> Slots { get; }

    /// <summary>The preference programs.</summary>
    public ImmutableArray<PreferenceProgram> Programs { get; }

    /// <summary>Conditions an importer may certify, by name.</summary>
    public FrozenDictionary<string, ShipmentCondition> Conditions { get; }

    /// <summary>The order in which slots' headings are declared on an entry.</summary>
    public ImmutableArray<string> DeclarationOrder { get; }

    /// <summary>The source of the declaration order.</summary>
    public string DeclarationOrderSource { get; }

    /// <summary>The slots, groups and facts the engine's own rules rely on.</summary>
    public EngineRoles Roles { get; }

    /// <summary>The program a symbol belongs to, or null.</summary>
    public PreferenceProgram? FindProgram(string symbol) => _programsBySymbol.GetValueOrDefault(symbol);

    /// <summary>The index of a slot in <see cref="Slots"/>, or -1 when no slot has that name.</summary>
    internal int SlotIndex(string name)
    {
        for (int i = 0; i < Slots.Length; i++)
        {
            if (Slots[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A rulebook with the same slots, programs and roles and other measures (a scenario).</summary>
    public Rulebook With(IEnumerable<PolicyMeasure> measures) =>
        new(measures, Slots, Programs, Conditions.Values, DeclarationOrder, DeclarationOrderSource, Roles);
}
