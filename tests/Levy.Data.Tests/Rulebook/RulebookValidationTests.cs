using Levy.Core.Measures;
using Levy.Data.Rulebook;

namespace Levy.Data.Tests.Rulebook;

/// <summary><see cref="Core.Measures.Rulebook.Validate"/> over the real rulebook and every scenario, and over deliberately
/// broken copies of the rulebook: each error names the YAML file, line and column of the fault.</summary>
public class RulebookValidationTests
{
    private static LevyData Data => TestData.Data;

    [Fact]
    public void Validate_TheActualRulebook_FindsNothing()
    {
        Assert.Empty(Data.Policy.Rulebook.Validate(Data.Countries));
    }

    [Fact]
    public void Validate_EveryScenarioOfTheRepository_FindsNothing()
    {
        IReadOnlyList<string> names = PolicyRulebookReader.ScenarioNames(RulebookFiles.Embedded);

        Assert.NotEmpty(names);
        Assert.All(names, name =>
            Assert.Empty(PolicyRulebookReader.ReadScenario(RulebookFiles.Embedded, name, Data.Policy, Data.Countries).Policy.Rulebook.Validate(Data.Countries)));
    }

    [Fact]
    public void Roles_AreTheRulebooksEngineBlock()
    {
        EngineRoles roles = Data.Policy.Rulebook.Roles;

        Assert.Equal("s232", roles.MetalSlot);
        Assert.Equal(new UsContentRole("reciprocal", Core.Primitives.HtsCode.Parse("9903.01.34"), 0.20m, "EO 14257 sec. 3(d); U.S. note 2(v)"), roles.UsContent);
        Assert.Equal("COLUMN2", roles.Column2Group);
        Assert.Equal("EU", roles.EuropeanUnionGroup);
    }

    [Fact]
    public void Read_WhenSlotAppliesNamingNoSlot_NamesFileLineAndColumn()
    {
        using var rulebook = new BrokenRulebook("measures.yaml", "when_slot_applies: {slot: s232, programs: [semiconductors]}",
            "when_slot_applies: {slot: s233, programs: [semiconductors]}");

        RulebookException ex = Assert.Throws<RulebookException>(rulebook.Read);

        Assert.Equal("measures.yaml", ex.File);
        Assert.Equal(rulebook.Line, ex.Line);
        Assert.Equal(24, ex.Column); // the value of when_slot_applies, after "    when_slot_applies: "
        Assert.Matches(@"^rulebook/measures\.yaml, line \d+, column 24: measures [\w-]+: when_slot_applies names slot ""s233"", which is not declared \(slots: s232, ", ex.Message);
    }

    [Theory]
    [InlineData("  metal_slot: s232", "  metal_slot: s23", "engine: metal_slot names slot \"s23\", which is not declared")]
    [InlineData("    slot: reciprocal", "    slot: reciprocals", "engine: us_content.slot names slot \"reciprocals\", which is not declared")]
    [InlineData("    threshold: 0.20", "    threshold: 20", "engine: the threshold 20 is not a share of value above 0 and at most 1")]
    [InlineData("  column2_group: COLUMN2", "  column2_group: COLUMN_2", "engine: column2_group names group \"COLUMN_2\", which has no members")]
    [InlineData("  eu_group: EU", "  eu_group: EU27", "engine: eu_group names group \"EU27\", which has no members")]
    [InlineData("declaration_order: [s301, fentanyl,", "declaration_order: [s301,", "declaration_order: slot \"fentanyl\" is not listed")]
    [InlineData("declaration_order: [s301,", "declaration_order: [s31,", "declaration_order: \"s31\" is not a declared slot")]
    public void Read_BrokenCrossReference_NamesTheLineOfTheFault(string find, string replacement, string expected)
    {
        using var rulebook = new BrokenRulebook("measures.yaml", find, replacement);

        RulebookException ex = Assert.Throws<RulebookException>(rulebook.Read);

        Assert.Equal(rulebook.Line, ex.Line);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MeasureWithABadField_NamesTheMeasuresLine()
    {
        using var rulebook = new BrokenRulebook("measures.yaml", "    kind: exemption", "    kind: exemptoin");

        RulebookException ex = Assert.Throws<RulebookException>(rulebook.Read);

        Assert.InRange(ex.Line, 30, rulebook.Line);
        Assert.Contains("kind \"exemptoin\" is not additional, floor or exemption", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PriorityNamingNoPrecedence_NamesTheMeasuresLine()
    {
        using var rulebook = new BrokenRulebook("measures.yaml", "    priority: floor", "    priority: flor");

        RulebookException ex = Assert.Throws<RulebookException>(rulebook.Read);

        Assert.InRange(ex.Line, rulebook.Line - 8, rulebook.Line);
        Assert.Contains("priority \"flor\" is neither a number nor a name of the precedence block (general, country-rate, floor", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadScenario_AddedMeasureNamingNoSlot_NamesTheScenarioFileAndLine()
    {
        using var rulebook = new BrokenRulebook("scenarios/typo.yaml", null, """
            title: A typo
            add:
              - id: typo-measure
                authority: section-122
                slot: s122
                heading: 9903.03.01
                when_slot_applies: {slot: s-232}
                in_force: [{from: 2026-02-24, source: test}]
                countries: all
                citation: test
            """);

        RulebookException ex = Assert.Throws<RulebookException>(() =>
            PolicyRulebookReader.ReadScenario(rulebook.Files, "typo", Data.Policy, Data.Countries));

        Assert.Equal("scenarios/typo.yaml", ex.File);
        Assert.Equal(7, ex.Line);
        Assert.Contains("when_slot_applies names slot \"s-232\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MoreSlotsThanTheEngineHolds_IsAProblem()
    {
        Core.Measures.Rulebook actual = Data.Policy.Rulebook;
        SlotRule[] slots = [.. actual.Slots, .. Enumerable.Range(0, Core.Measures.Rulebook.SlotCapacity).Select(i => new SlotRule($"extra{i}", SlotChoice.Priority, null))];
        var rulebook = new Core.Measures.Rulebook(actual.Measures, slots, actual.Programs, actual.Conditions.Values,
            [.. actual.DeclarationOrder, .. slots.Skip(actual.Slots.Length).Select(s => s.Name)], actual.DeclarationOrderSource, actual.Roles);

        RulebookProblem problem = Assert.Single(rulebook.Validate());

        Assert.Equal($"{slots.Length} slots are declared; the engine evaluates at most 16", problem.Message);
    }

    [Fact]
    public void Validate_UndeclaredProgramAndCondition_AreProblems()
    {
        Core.Measures.Rulebook actual = Data.Policy.Rulebook;
        PolicyMeasure first = actual.Measures[0];
        var rulebook = actual.With([first with { RequiresProgram = "Z9", UnlessCondition = "no-such-thing" }, .. actual.Measures.Skip(1)]);

        Assert.Equal(
            [$"measures {first.Id}: requires_program names \"Z9\", which programs.yaml does not declare",
             $"measures {first.Id}: unless_condition names condition \"no-such-thing\", which conditions.yaml does not declare"],
            rulebook.Validate().Select(p => p.ToString()));
    }

    /// <summary>A copy of the repository's rulebook in a temporary folder with one line replaced (or one file added).</summary>
    private sealed class BrokenRulebook : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("levy-rulebook-").FullName;

        public BrokenRulebook(string file, string? find, string replacement)
        {
            string source = Path.Combine(TestData.RepositoryRoot, "rulebook");
            foreach (string path in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                string target = Path.Combine(_folder, Path.GetRelativePath(source, path));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(path, target);
            }

            string changed = Path.Combine(_folder, file);
            if (find is null)
            {
                File.WriteAllText(changed, replacement);
                return;
            }

            string[] lines = File.ReadAllLines(changed);
            int at = Array.FindIndex(lines, l => l.Contains(find, StringComparison.Ordinal));
            Assert.True(at >= 0, $"{file} no longer contains \"{find}\"");
            lines[at] = lines[at].Replace(find, replacement, StringComparison.Ordinal);
            File.WriteAllLines(changed, lines);
            Line = at + 1;
        }

        public RulebookFiles Files => RulebookFiles.FromFolder(_folder);

        /// <summary>The line changed (from 1).</summary>
        public int Line { get; }

        public void Read() => PolicyRulebookReader.Read(Files, Data.Files, Data.Countries, Data.Catalogue);

        public void Dispose() => Directory.Delete(_folder, true);
    }
}
