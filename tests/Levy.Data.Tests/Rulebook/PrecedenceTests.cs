using Levy.Core.Measures;

namespace Levy.Data.Tests.Rulebook;

/// <summary>The precedence of measures within their slots, named in measures.yaml (<c>precedence:</c>) where the law states
/// it: the order it gives is approved as a text file, so that renaming or regrouping the precedence cannot reorder the
/// measures unnoticed.</summary>
public class PrecedenceTests
{
    [Fact]
    public void Precedence_OrdersEachSlotsMeasuresAsApproved()
    {
        Core.Measures.Rulebook rulebook = TestData.Data.Policy.Rulebook;
        IEnumerable<string> lines = rulebook.Slots.SelectMany(slot => rulebook.Measures
            .Where(m => m.Slot == slot.Name)
            .OrderByDescending(m => m.Priority).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => $"{slot.Name} {m.Priority} {m.Id}"));

        ExpectedFile.Match(string.Join("\n", lines) + "\n", "precedence");
    }
}
