using System.Collections.Immutable;
using Levy.Core.Countries;

namespace Levy.Core.Measures;

public sealed partial class Rulebook
{
    /// <summary>The most slots the engine evaluates: its per-quote table of slot outcomes is a fixed, stack-allocated array
    /// of this length, so that evaluating a quote allocates nothing.</summary>
    public const int SlotCapacity = 16;

    /// <summary>Checks every cross-reference of the rulebook: the engine's roles name declared slots and groups; every
    /// measure's slot, <c>when_slot_applies</c> slot and programs, required or excluding preference program and condition
    /// is declared; measure ids are unique; the slots fit the engine's capacity and the declaration order names each slot
    /// exactly once.</summary>
    /// <param name="countries">The country directory, to check the roles' groups; null to skip those checks.</param>
    /// <returns>The problems found, in rulebook order; empty when the rulebook is sound.</returns>
    public ImmutableArray<RulebookProblem> Validate(CountryDirectory? countries = null)
    {
        var problems = ImmutableArray.CreateBuilder<RulebookProblem>();
        var slotNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (SlotRule slot in Slots)
        {
            if (!slotNames.Add(slot.Name))
            {
                problems.Add(new("slots", slot.Name, "name", $"slot \"{slot.Name}\" is declared twice"));
            }
        }

        if (Slots.Length > SlotCapacity)
        {
            problems.Add(new("slots", null, null, $"{Slots.Length} slots are declared; the engine evaluates at most {SlotCapacity}"));
        }

        string Known() => string.Join(", ", Slots.Select(s => s.Name));
        CheckRole(Roles.MetalSlot, "metal_slot");
        CheckRole(Roles.UsContent.Slot, "us_content.slot");
        if (Roles.UsContent.Threshold is <= 0m or > 1m)
        {
            problems.Add(new("engine", null, "us_content.threshold", $"the threshold {Roles.UsContent.Threshold} is not a share of value above 0 and at most 1"));
        }

        if (Roles.UsContent.Heading.IsEmpty)
        {
            problems.Add(new("engine", null, "us_content.heading", "the U.S.-content heading is missing"));
        }

        if (countries is not null)
        {
            CheckGroup(countries, Roles.Column2Group, "column2_group");
            CheckGroup(countries, Roles.EuropeanUnionGroup, "eu_group");
        }

        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in DeclarationOrder)
        {
            if (!slotNames.Contains(name))
            {
                problems.Add(new("declaration_order", null, null, $"\"{name}\" is not a declared slot (slots: {Known()})"));
            }
            else if (!declared.Add(name))
            {
                problems.Add(new("declaration_order", null, null, $"\"{name}\" is listed twice"));
            }
        }

        foreach (string missing in Slots.Select(s => s.Name).Where(n => !declared.Contains(n)))
        {
            problems.Add(new("declaration_order", null, null, $"slot \"{missing}\" is not listed, so its headings would have no place on an entry"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (PolicyMeasure m in Measures)
        {
            if (!ids.Add(m.Id))
            {
                problems.Add(new("measures", m.Id, "id", $"two measures have the id {m.Id}"));
            }

            if (!slotNames.Contains(m.Slot))
            {
                problems.Add(new("measures", m.Id, "slot", $"slot \"{m.Slot}\" is not declared (slots: {Known()})"));
            }

            if (m.WhenSlotApplies is { } when)
            {
                if (!slotNames.Contains(when.Slot))
                {
                    problems.Add(new("measures", m.Id, "when_slot_applies", $"when_slot_applies names slot \"{when.Slot}\", which is not declared (slots: {Known()})"));
                }
                else
                {
                    foreach (string program in when.Programs.Where(p => !Measures.Any(o => o.Slot == when.Slot && o.Program == p)))
                    {
                        problems.Add(new("measures", m.Id, "when_slot_applies", $"when_slot_applies names program \"{program}\", which no measure of slot {when.Slot} has"));
                    }
                }
            }

            foreach ((string? symbol, string field) in (ReadOnlySpan<(string?, string)>)[(m.RequiresProgram, "requires_program"), (m.UnlessProgram, "unless_program")])
            {
                if (symbol is not null && FindProgram(symbol) is null)
                {
                    problems.Add(new("measures", m.Id, field, $"{field} names \"{symbol}\", which programs.yaml does not declare"));
                }
            }

            foreach ((string? condition, string field) in (ReadOnlySpan<(string?, string)>)[(m.RequiresCondition, "requires_condition"), (m.UnlessCondition, "unless_condition")])
            {
                if (condition is not null && !Conditions.ContainsKey(condition))
                {
                    problems.Add(new("measures", m.Id, field, $"{field} names condition \"{condition}\", which conditions.yaml does not declare"));
                }
            }
        }

        return problems.ToImmutable();

        void CheckRole(string slot, string field)
        {
            if (!slotNames.Contains(slot))
            {
                problems.Add(new("engine", null, field, $"{field} names slot \"{slot}\", which is not declared (slots: {Known()})"));
            }
        }

        void CheckGroup(CountryDirectory directory, string group, string field)
        {
            if (directory.GroupMembers(group).IsEmpty)
            {
                problems.Add(new("engine", null, field, $"{field} names group \"{group}\", which has no members in the country groups"));
            }
        }
    }
}
