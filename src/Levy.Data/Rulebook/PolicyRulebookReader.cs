using System.Collections.Immutable;
using System.Globalization;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;
using Levy.Data.Locating;
using Levy.Data.Tables;
using CoreRulebook = Levy.Core.Measures.Rulebook;

namespace Levy.Data.Rulebook;

/// <summary>Everything the rate engine needs from the rulebook and the policy tables of the data folder.</summary>
/// <param name="Rulebook">Measures, slots, programs, conditions.</param>
/// <param name="Timeline">Which revision governs each date.</param>
/// <param name="Metal">Default metal shares.</param>
/// <param name="Defaults">Other defaults.</param>
/// <param name="Lists">The product lists by name.</param>
public sealed record PolicyRulebook(CoreRulebook Rulebook, LegalTimeline Timeline, MetalShares Metal, QuoteDefaults Defaults,
    IReadOnlyDictionary<string, ProductSet> Lists);

/// <summary>Reads <c>measures.yaml</c>, <c>product-lists.yaml</c>, <c>programs.yaml</c>, <c>conditions.yaml</c>,
/// <c>defaults.yaml</c> and the legal dates of <c>revisions.yaml</c> into a <see cref="PolicyRulebook"/>.</summary>
public static partial class PolicyRulebookReader
{
    /// <summary>Reads the rulebook.</summary>
    /// <exception cref="RulebookException">A rulebook file is malformed or contradicts itself; the message names the file and measure.</exception>
    /// <exception cref="CsvDataException">A policy table is missing or malformed.</exception>
    public static PolicyRulebook Read(RulebookFiles files, DataFiles data, CountryDirectory countries, RevisionCatalogue catalogue)
    {
        Dictionary<string, ProductSet> lists = ProductListReader.ReadAll(files, data);
        MeasuresFile mf = YamlRulebook.Read<MeasuresFile>(files, "measures.yaml");
        Dictionary<string, int> precedence = Precedence(files, mf);
        var measures = new List<PolicyMeasure>();
        foreach (MeasureDto dto in mf.Measures ?? [])
        {
            try
            {
                measures.AddRange(Expand(dto, lists, countries, precedence));
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or KeyNotFoundException)
            {
                throw YamlRulebook.ErrorAt(files, "measures.yaml", $"measure {dto.Id}: {ex.Message}", "measures", $"id={dto.Id}");
            }
        }

        var slots = (mf.Slots ?? []).Select(s => new SlotRule(s.Name, s.Choose switch
        {
            null or "priority" => SlotChoice.Priority,
            "highest-rate" => SlotChoice.HighestRate,
            _ => throw YamlRulebook.ErrorAt(files, "measures.yaml", $"slot {s.Name}: unknown choice \"{s.Choose}\" (priority or highest-rate)", "slots", $"name={s.Name}", "choose"),
        }, s.Citation));

        var rulebook = new CoreRulebook(measures, slots, ReadPrograms(files, countries), ReadConditions(files, lists), mf.DeclarationOrder ?? [],
            mf.DeclarationOrderSource ?? string.Empty, ReadRoles(files, mf.Engine));
        ThrowIfInvalid(files, rulebook, countries, "measures.yaml", null);

        DefaultsFile df = YamlRulebook.Read<DefaultsFile>(files, "defaults.yaml");
        MetalShares metal = ReadMetal(data, df);
        var defaults = new QuoteDefaults(df.MetalContent?.FlatShare ?? 0.5m, df.MetalContent?.FlatShareSource ?? "rulebook default",
            df.UsmcaVehicleUsContentShare, df.UsmcaVehicleUsContentSource ?? "rulebook default");
        return new PolicyRulebook(rulebook, ReadTimeline(files, catalogue), metal, defaults, lists);
    }

    /// <summary>Throws the first problem <see cref="CoreRulebook.Validate"/> finds, at its place in the YAML: in the scenario
    /// file when the scenario added the measure at fault, otherwise in measures.yaml.</summary>
    private static void ThrowIfInvalid(RulebookFiles files, CoreRulebook rulebook, CountryDirectory countries, string file, string? scenarioFile)
    {
        if (rulebook.Validate(countries) is not [var problem, .. var others])
        {
            return;
        }

        string message = problem.ToString() + (others.Length > 0 ? $" (and {others.Length} more problems)" : string.Empty);
        if (scenarioFile is not null && problem.Section == "measures" && YamlRulebook.Has(files, scenarioFile, YamlRulebook.PathOf(problem, "add")[..2]))
        {
            throw YamlRulebook.ErrorAt(files, scenarioFile, message, YamlRulebook.PathOf(problem, "add"));
        }

        throw YamlRulebook.ErrorAt(files, file, message, YamlRulebook.PathOf(problem));
    }

    private static EngineRoles ReadRoles(RulebookFiles files, EngineDto? dto)
    {
        const string File = "measures.yaml";
        if (dto?.UsContent is not { } us)
        {
            throw YamlRulebook.ErrorAt(files, File, "the engine block (metal_slot, us_content, column2_group, eu_group) is missing or has no us_content", "engine");
        }

        string Required(string? value, string field) =>
            string.IsNullOrWhiteSpace(value) ? throw YamlRulebook.ErrorAt(files, File, $"engine: {field} is missing", ["engine", .. field.Split('.')]) : value;

        HtsCode heading = HtsCode.TryParse(Required(us.Heading, "us_content.heading"), out HtsCode h)
            ? h
            : throw YamlRulebook.ErrorAt(files, File, $"engine: us_content.heading \"{us.Heading}\" is not an HTS code", "engine", "us_content", "heading");
        return new EngineRoles(
            Required(dto.MetalSlot, "metal_slot"),
            new UsContentRole(Required(us.Slot, "us_content.slot"), heading,
                us.Threshold ?? throw YamlRulebook.ErrorAt(files, File, "engine: us_content.threshold is missing", "engine", "us_content"),
                Required(us.Citation, "us_content.citation")),
            Required(dto.Column2Group, "column2_group"),
            Required(dto.EuGroup, "eu_group"));
    }

    /// <summary>The named ranks of the <c>precedence:</c> block of measures.yaml.</summary>
    private static Dictionary<string, int> Precedence(RulebookFiles files, MeasuresFile mf)
    {
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((string name, PrecedenceDto p) in mf.Precedence ?? [])
        {
            if (p.Rank is not { } rank || string.IsNullOrWhiteSpace(p.Source))
            {
                throw YamlRulebook.ErrorAt(files, "measures.yaml", $"precedence {name}: a rank and its source are required", "precedence", name);
            }

            ranks[name] = rank;
        }

        return ranks;
    }

    /// <summary>A measure's priority: a number, or a name of the precedence block.</summary>
    private static int PriorityOf(string? priority, IReadOnlyDictionary<string, int> precedence) =>
        priority is null ? 0
        : int.TryParse(priority, System.Globalization.NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) ? n
        : precedence.TryGetValue(priority, out int rank) ? rank
        : throw new ArgumentException($"priority \"{priority}\" is neither a number nor a name of the precedence block ({string.Join(", ", precedence.Keys)})");

    private static IEnumerable<PolicyMeasure> Expand(MeasureDto d, Dictionary<string, ProductSet> lists, CountryDirectory countries, IReadOnlyDictionary<string, int> precedence)
    {
        ProductSet List(string name) => lists.TryGetValue(name, out ProductSet? set)
            ? set
            : throw new KeyNotFoundException($"product list \"{name}\" is not defined in product-lists.yaml");

        var periods = (d.InForce ?? []).Select(p => new MeasurePeriod(new EffectivePeriod(p.From, p.Until), p.Source ?? throw new ArgumentException("a period has no source"))).ToImmutableArray();
        if (periods.IsEmpty)
        {
            throw new ArgumentException("in_force is empty");
        }

        var template = new PolicyMeasure
        {
            Id = d.Id,
            Authority = ParseAuthority(d.Authority),
            Program = d.Program ?? d.Id,
            Slot = d.Slot ?? throw new ArgumentException("slot is missing"),
            Priority = PriorityOf(d.Priority, precedence),
            Heading = string.IsNullOrEmpty(d.Heading) ? default : HtsCode.Parse(d.Heading),
            TwinHeading = d.Twin is null ? null : HtsCode.Parse(d.Twin),
            Kind = d.Kind switch
            {
                null => null,
                "additional" => MeasureKind.Additional,
                "floor" => MeasureKind.Floor,
                "exemption" => MeasureKind.Exemption,
                _ => throw new ArgumentException($"kind \"{d.Kind}\" is not additional, floor or exemption"),
            },
            Periods = periods,
            Countries = Countries(d.Countries, countries, "countries"),
            ExcludedCountries = d.ExceptCountries is null ? null : Countries(d.ExceptCountries, countries, "except_countries"),
            Products = d.Products?.List is { } pl ? List(pl) : null,
            ProductListHeading = d.Products?.Heading is { } ph ? HtsCode.Parse(ph) : null,
            AlsoProducts = (d.AlsoProducts ?? []).Select(List).ToImmutableArray(),
            ExcludedProducts = d.ExceptProducts is { Count: > 0 } ep
                ? new ProductSet(string.Join("+", ep), "union", ep.SelectMany(n => List(n).Entries), null)
                : null,
            RateOverride = d.RateOverride is { } o ? (o.Percent, o.Reason ?? throw new ArgumentException("rate_override has no reason")) : null,
            BasisOverride = d.Basis is { } b
                ? (b.Content switch
                {
                    "steel" => DutyBasis.SteelContent,
                    "aluminum" => DutyBasis.AluminumContent,
                    "copper" => DutyBasis.CopperContent,
                    _ => throw new ArgumentException($"basis content \"{b.Content}\" is not steel, aluminum or copper"),
                }, b.Reason ?? throw new ArgumentException("basis has no reason"))
                : null,
            RequiresProgram = d.RequiresProgram,
            UnlessProgram = d.UnlessProgram,
            RequiresCondition = d.RequiresCondition,
            UnlessCondition = d.UnlessCondition,
            WhenSlotApplies = d.WhenSlotApplies is { } w ? new SlotCondition(w.Slot, [.. w.Programs ?? []]) : null,
            PartialByContent = d.PartialByContent,
            InTransit = d.InTransit is { } t ? new InTransitException(t.LoadedBefore, t.EnteredBefore, t.Heading is null ? null : HtsCode.Parse(t.Heading)) : null,
            FootnoteLinked = d.FootnoteLinked,
            RateColumn = d.RateColumn switch
            {
                null => null,
                "general" => RateColumn.General,
                "special" => RateColumn.Special,
                "other" => RateColumn.Other,
                _ => throw new ArgumentException($"rate_column \"{d.RateColumn}\" is not general, special or other"),
            },
            Citation = d.Citation ?? throw new ArgumentException("citation is missing"),
            Notes = d.Notes?.Trim(),
        };

        if (d.Family is null)
        {
            if (template.Heading.IsEmpty && template.Kind != MeasureKind.Exemption)
            {
                throw new ArgumentException("only an exemption may declare no heading");
            }

            yield return template;
            yield break;
        }

        var except = (d.Family.Except ?? []).Select(HtsCode.Parse).ToHashSet();
        HashSet<HtsCode>? only = d.Family.Only is null ? null : d.Family.Only.Select(HtsCode.Parse).ToHashSet();
        if (d.Family.Headings is { } range)
        {
            string[] ends = range.Split('-');
            HtsCode first = HtsCode.Parse(ends[0]), last = HtsCode.Parse(ends[^1]);
            if (first.Length != 8 || last.Length != 8 || first.Truncate(6) != last.Truncate(6) || last < first)
            {
                throw new ArgumentException($"family headings \"{range}\" must be 8-digit headings of one subheading, in order");
            }

            for (ulong v = first.Value; v <= last.Value; v++)
            {
                HtsCode h = HtsCode.FromDigits(v, 8);
                if (!except.Contains(h) && (only is null || only.Contains(h)))
                {
                    yield return template with { Id = $"{d.Id}-{h}", Heading = h };
                }
            }
        }
        else if (d.Family.ListHeadings is { } listName)
        {
            ProductSet set = List(listName);
            foreach (HtsCode h in set.Entries.Where(e => e.Heading is not null).Select(e => e.Heading!.Value).Distinct().Order())
            {
                if (!except.Contains(h) && (only is null || only.Contains(h)))
                {
                    yield return template with { Id = $"{d.Id}-{h}", Heading = h, Products = set, ProductListHeading = h };
                }
            }

            if (only is not null && only.Any(h => !set.Entries.Any(e => e.Heading == h)))
            {
                throw new ArgumentException($"family names headings that list {listName} does not give: {string.Join(", ", only.Where(h => !set.Entries.Any(e => e.Heading == h)))}");
            }
        }
        else
        {
            throw new ArgumentException("family needs headings or list_headings");
        }
    }

    private static CountrySet? Countries(object? value, CountryDirectory directory, string field)
    {
        switch (value)
        {
            case null:
                throw new ArgumentException($"{field} is missing (a list of codes or groups, \"all\" or \"from_heading\")");
            case string s when s == "all":
                return CountrySet.All;
            case string s when s == "from_heading":
                return null;
            case List<object> items:
                var codes = new List<CountryCode>();
                var names = new List<string>();
                foreach (object item in items)
                {
                    string name = item.ToString()!;
                    names.Add(name);
                    ImmutableArray<CountryCode> members = directory.GroupMembers(name);
                    if (!members.IsEmpty)
                    {
                        codes.AddRange(members);
                    }
                    else if (CountryCode.TryParse(name, out CountryCode c) && directory.FindByIso(c) is not null)
                    {
                        codes.Add(c);
                    }
                    else
                    {
                        throw new ArgumentException($"{field}: \"{name}\" is neither a known country code nor a group");
                    }
                }

                return CountrySet.Create(string.Join(", ", names), codes);
            default:
                throw new ArgumentException($"{field} must be a list, \"all\" or \"from_heading\"");
        }
    }

    private static Authority ParseAuthority(string? text) => text switch
    {
        "section-232" => Authority.Section232,
        "section-301" => Authority.Section301,
        "ieepa-fentanyl" => Authority.IeepaFentanyl,
        "ieepa-reciprocal" => Authority.IeepaReciprocal,
        "section-122" => Authority.Section122,
        "section-201" => Authority.Section201,
        "other" => Authority.Other,
        _ => throw new ArgumentException($"authority \"{text}\" is not one of section-232, section-301, ieepa-fentanyl, ieepa-reciprocal, section-122, section-201, other"),
    };

    private static IEnumerable<PreferenceProgram> ReadPrograms(RulebookFiles files, CountryDirectory countries)
    {
        ProgramsFile pf = YamlRulebook.Read<ProgramsFile>(files, "programs.yaml");
        foreach (ProgramDto p in pf.Programs ?? [])
        {
            (CountrySet? set, bool check) = p.Countries switch
            {
                string s when s == "any" => (null, false),
                string s when s == "unchecked" => (null, false),
                null => throw YamlRulebook.ErrorAt(files, "programs.yaml", $"program {p.Name}: countries is missing", "programs", $"name={p.Name}"),
                var other => (Countries(other, countries, "countries"), true),
            };
            var period = new EffectivePeriod(p.From ?? new DateOnly(1900, 1, 1), p.Until);
            yield return new PreferenceProgram([.. p.Symbols ?? []], p.Name ?? string.Empty, set, check, period, p.Source ?? string.Empty);
        }
    }

    private static IEnumerable<ShipmentCondition> ReadConditions(RulebookFiles files, Dictionary<string, ProductSet> lists) =>
        (YamlRulebook.Read<ConditionsFile>(files, "conditions.yaml").Conditions ?? [])
            .Select(kv => new ShipmentCondition(kv.Key, kv.Value.Description ?? kv.Key, kv.Value.Source ?? string.Empty,
                kv.Value.OfferedFor is not { } name ? null
                : lists.TryGetValue(name, out ProductSet? set) ? set
                : throw YamlRulebook.ErrorAt(files, "conditions.yaml", $"condition {kv.Key}: offered_for names list \"{name}\", which product-lists.yaml does not define", "conditions", kv.Key, "offered_for")));

    private static MetalShares ReadMetal(DataFiles data, DefaultsFile df) =>
        df.MetalContent?.File is { } file ? ReadMetal(CsvTable.Read(data, file, MetalColumns), df.MetalContent.Source?.Trim() ?? file) : MetalShares.None;

    /// <summary>The data-folder path of the metal-share table named by defaults.yaml, or null.</summary>
    internal static string? MetalFile(RulebookFiles files) => YamlRulebook.Read<DefaultsFile>(files, "defaults.yaml").MetalContent?.File;

    private static readonly string[] MetalColumns = ["hs10", "steel_share", "aluminum_share", "copper_share"];

    /// <summary>Reads the metal-share table.</summary>
    /// <exception cref="CsvDataException">The table is missing or malformed.</exception>
    internal static MetalShares ReadMetal(string path, string source) => ReadMetal(CsvTable.Read(path, MetalColumns), source);

    private static MetalShares ReadMetal(CsvTable table, string source)
    {
        var shares = new Dictionary<HtsCode, (decimal, decimal, decimal)>();
        foreach (CsvRecord r in table.Records)
        {
            HtsCode code = ProductListReader.ParseCode(r["hs10"], table.File, r.Line, "hs10");
            shares[code] = (Share(r, "steel_share"), Share(r, "aluminum_share"), Share(r, "copper_share"));
        }

        return new MetalShares(source, shares);

        static decimal Share(CsvRecord r, string column) =>
            r.Optional(column) is { } v && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                ? (decimal)d
                : 0m;
    }

    /// <summary>Reads the legal timeline alone (<c>revisions.yaml</c> over the catalogue).</summary>
    internal static LegalTimeline ReadTimeline(RulebookFiles files, RevisionCatalogue catalogue)
    {
        RevisionsLegalFile rf = YamlRulebook.Read<RevisionsLegalFile>(files, "revisions.yaml");
        var overrides = (rf.LegalDates ?? []).ToDictionary(o => HtsRevisionId.Parse(o.Revision), o => o);
        var entries = new List<(DateOnly, HtsRevisionId, string)>();
        foreach (HtsRevision r in catalogue.Revisions)
        {
            if (overrides.TryGetValue(r.Id, out LegalDateDto? o))
            {
                if (o.Editorial)
                {
                    continue;
                }

                entries.Add((o.Date ?? r.EffectiveDate, r.Id, $"rulebook/revisions.yaml: {o.Reason?.Trim()}"));
            }
            else
            {
                entries.Add((r.PolicyEffectiveDate ?? r.EffectiveDate, r.Id,
                    r.PolicyEffectiveDate is null ? $"effective date ({r.Source})" : $"policy effective date ({r.Source})"));
            }
        }

        try
        {
            return new LegalTimeline(entries, catalogue.FirstDate, catalogue.Horizon);
        }
        catch (ArgumentException ex)
        {
            throw new RulebookException("revisions.yaml", 0, ex.Message.Split(" (Parameter")[0]);
        }
    }

#pragma warning disable CA1812 // instantiated by YamlDotNet
    private sealed class MeasuresFile
    {
        public EngineDto? Engine { get; set; }

        public Dictionary<string, PrecedenceDto>? Precedence { get; set; }

        public List<string>? DeclarationOrder { get; set; }

        public string? DeclarationOrderSource { get; set; }

        public List<SlotDto>? Slots { get; set; }

        public List<MeasureDto>? Measures { get; set; }
    }

    private sealed class PrecedenceDto
    {
        public int? Rank { get; set; }

        public string? Source { get; set; }
    }

    private sealed class EngineDto
    {
        public string? MetalSlot { get; set; }

        public UsContentDto? UsContent { get; set; }

        public string? Column2Group { get; set; }

        public string? EuGroup { get; set; }
    }

    private sealed class UsContentDto
    {
        public string? Slot { get; set; }

        public string? Heading { get; set; }

        public decimal? Threshold { get; set; }

        public string? Citation { get; set; }
    }

    private sealed class SlotDto
    {
        public string Name { get; set; } = string.Empty;

        public string? Choose { get; set; }

        public string? Citation { get; set; }
    }

    private sealed class MeasureDto
    {
        public string Id { get; set; } = "(no id)";

        public string? Authority { get; set; }

        public string? Program { get; set; }

        public string? Slot { get; set; }

        public string? Priority { get; set; }

        public string? Heading { get; set; }

        public string? Twin { get; set; }

        public string? Kind { get; set; }

        public FamilyDto? Family { get; set; }

        public List<PeriodDto>? InForce { get; set; }

        public object? Countries { get; set; }

        public object? ExceptCountries { get; set; }

        public ProductsDto? Products { get; set; }

        public List<string>? AlsoProducts { get; set; }

        public List<string>? ExceptProducts { get; set; }

        public OverrideDto? RateOverride { get; set; }

        public BasisDto? Basis { get; set; }

        public string? RequiresProgram { get; set; }

        public string? UnlessProgram { get; set; }

        public string? RequiresCondition { get; set; }

        public string? UnlessCondition { get; set; }

        public WhenSlotDto? WhenSlotApplies { get; set; }

        public bool PartialByContent { get; set; }

        public InTransitDto? InTransit { get; set; }

        public bool FootnoteLinked { get; set; }

        public string? RateColumn { get; set; }

        public string? Citation { get; set; }

        public string? Notes { get; set; }
    }

    private sealed class FamilyDto
    {
        public string? Headings { get; set; }

        public string? ListHeadings { get; set; }

        public List<string>? Except { get; set; }

        public List<string>? Only { get; set; }
    }

    private sealed class PeriodDto
    {
        public DateOnly From { get; set; }

        public DateOnly? Until { get; set; }

        public string? Source { get; set; }
    }

    private sealed class ProductsDto
    {
        public string? List { get; set; }

        public string? Heading { get; set; }
    }

    private sealed class OverrideDto
    {
        public decimal Percent { get; set; }

        public string? Reason { get; set; }
    }

    private sealed class BasisDto
    {
        public string? Content { get; set; }

        public string? Reason { get; set; }
    }

    private sealed class WhenSlotDto
    {
        public string Slot { get; set; } = string.Empty;

        public List<string>? Programs { get; set; }
    }

    private sealed class InTransitDto
    {
        public DateOnly LoadedBefore { get; set; }

        public DateOnly? EnteredBefore { get; set; }

        public string? Heading { get; set; }
    }

    private sealed class ProgramsFile
    {
        public List<ProgramDto>? Programs { get; set; }
    }

    private sealed class ProgramDto
    {
        public List<string>? Symbols { get; set; }

        public string? Name { get; set; }

        public object? Countries { get; set; }

        public DateOnly? From { get; set; }

        public DateOnly? Until { get; set; }

        public string? Source { get; set; }
    }

    private sealed class ConditionsFile
    {
        public Dictionary<string, ConditionDto>? Conditions { get; set; }
    }

    private sealed class ConditionDto
    {
        public string? Description { get; set; }

        public string? OfferedFor { get; set; }

        public string? Source { get; set; }
    }

    private sealed class DefaultsFile
    {
        public MetalDto? MetalContent { get; set; }

        public decimal UsmcaVehicleUsContentShare { get; set; } = 0.4m;

        public string? UsmcaVehicleUsContentSource { get; set; }
    }

    private sealed class MetalDto
    {
        public string? File { get; set; }

        public string? Source { get; set; }

        public decimal FlatShare { get; set; } = 0.5m;

        public string? FlatShareSource { get; set; }
    }

    private sealed class RevisionsLegalFile
    {
        public object? Horizon { get; set; }

        public object? Revisions { get; set; }

        public object? ModelledThrough { get; set; } // read by RevisionCatalogueReader

        public List<LegalDateDto>? LegalDates { get; set; }
    }

    private sealed class LegalDateDto
    {
        public string Revision { get; set; } = string.Empty;

        public DateOnly? Date { get; set; }

        public bool Editorial { get; set; }

        public string? Reason { get; set; }

        public string? Source { get; set; }
    }
#pragma warning restore CA1812
}
