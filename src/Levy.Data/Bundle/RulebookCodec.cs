using System.Collections.Immutable;
using Levy.Core.Calculation;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;
using Levy.Data.Rulebook;
using CoreRulebook = Levy.Core.Measures.Rulebook;

namespace Levy.Data.Bundle;

/// <summary>Writes and reads the compiled parts of a bundle: the revision catalogue (<c>catalogue</c>), the country
/// directory (<c>countries</c>) and the policy rulebook with its product lists, metal shares and legal timeline
/// (<c>policy</c>), so that a question needs no YAML or CSV parsing at start-up.</summary>
/// <remarks>
/// <para>Every field of the Core types is written in declaration order. A field added to a Core type and not written here
/// makes <c>BundleEquivalenceTests</c> fail (they compare, field by field and by reflection, what the bundle gives with
/// what the YAML and CSV readers give).</para>
/// <para>Product lists are written once and referred to by number, so measures share them as they do when read from YAML.</para>
/// </remarks>
internal static class RulebookCodec
{
    // ----- catalogue -----

    public static void WriteCatalogue(BundleWriter w, RevisionCatalogue catalogue)
    {
        w.Date(catalogue.Horizon);
        w.String(catalogue.ModelledThrough?.ShortName);
        w.Count(catalogue.Revisions.Length);
        foreach (HtsRevision r in catalogue.Revisions)
        {
            w.String(r.Id.ShortName);
            w.Date(r.EffectiveDate);
            w.OptionalDate(r.PolicyEffectiveDate);
            w.String(r.PolicyEvent);
            w.String(r.Source);
        }
    }

    public static RevisionCatalogue ReadCatalogue(BundleReader r)
    {
        DateOnly horizon = r.Date();
        string? through = r.OptionalString();
        HtsRevisionId? modelled = through is null ? null : HtsRevisionId.TryParse(through, out HtsRevisionId t) ? t : throw r.Corrupt($"\"{through}\" is not an HTS revision");
        int n = r.Count(10_000);
        var revisions = new List<HtsRevision>(n);
        for (int i = 0; i < n; i++)
        {
            revisions.Add(new HtsRevision(Revision(r), r.Date(), r.OptionalDate(), r.OptionalString(), r.String()));
        }

        return Build(r, () => new RevisionCatalogue(revisions, horizon) { ModelledThrough = modelled });
    }

    // ----- countries -----

    public static void WriteCountries(BundleWriter w, CountryDirectory countries)
    {
        w.Count(countries.Countries.Length);
        foreach (Country c in countries.Countries)
        {
            w.String(c.Iso.Value);
            w.String(c.CensusCode);
            w.String(c.Name);
            w.Strings(c.Aliases);
        }

        List<string> groups = [.. countries.GroupNames.Order(StringComparer.Ordinal)];
        w.Count(groups.Count);
        foreach (string g in groups)
        {
            w.String(g);
            w.Strings([.. countries.GroupMembers(g).Select(m => m.Value)]);
        }
    }

    public static CountryDirectory ReadCountries(BundleReader r)
    {
        int n = r.Count(10_000);
        var countries = new List<Country>(n);
        for (int i = 0; i < n; i++)
        {
            countries.Add(new Country(CountryOf(r, r.String()), r.String(), r.String(), r.Strings()));
        }

        int g = r.Count(10_000);
        var groups = new Dictionary<string, ImmutableArray<CountryCode>>(g, StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < g; i++)
        {
            string name = r.String();
            groups[name] = [.. r.Strings().Select(s => CountryOf(r, s))];
        }

        return Build(r, () => new CountryDirectory(countries, groups));
    }

    // ----- policy -----

    public static void WritePolicy(BundleWriter w, PolicyRulebook policy)
    {
        // The product sets, each once: the named lists first, then sets only measures hold (unions of exclusions).
        var sets = new List<ProductSet>();
        var numbers = new Dictionary<ProductSet, int>(ReferenceEqualityComparer.Instance);
        void Register(ProductSet? set)
        {
            if (set is not null && numbers.TryAdd(set, sets.Count))
            {
                sets.Add(set);
            }
        }

        foreach (ProductSet set in policy.Lists.Values)
        {
            Register(set);
        }

        foreach (ShipmentCondition c in policy.Rulebook.Conditions.Values.OrderBy(c => c.Name, StringComparer.Ordinal))
        {
            Register(c.OfferedFor);
        }

        foreach (PolicyMeasure m in policy.Rulebook.Measures)
        {
            Register(m.Products);
            Register(m.ExcludedProducts);
            foreach (ProductSet s in m.AlsoProducts)
            {
                Register(s);
            }
        }

        w.Count(sets.Count);
        foreach (ProductSet s in sets)
        {
            w.String(s.Name);
            w.String(s.Source);
            WriteEntries(w, s.Entries);

            w.Count(s.Excluded.Length);
            foreach (HtsCode c in s.Excluded)
            {
                w.Code(c);
            }

            WriteEntries(w, s.ShadowedBy);
        }

        w.Count(policy.Lists.Count);
        foreach ((string name, ProductSet set) in policy.Lists)
        {
            w.String(name);
            w.Count(numbers[set]);
        }

        void SetRef(ProductSet? set) => w.Count(set is null ? 0 : numbers[set] + 1);

        // The lists of further product lists, each once: family members share one array, and the engine compares
        // measures as records, where arrays compare by identity (OriginClasses groups measures that way).
        var arrays = new Dictionary<ImmutableArray<ProductSet>, int>();
        foreach (PolicyMeasure m in policy.Rulebook.Measures.Where(m => !m.AlsoProducts.IsEmpty))
        {
            arrays.TryAdd(m.AlsoProducts, arrays.Count);
        }

        w.Count(arrays.Count);
        foreach (ImmutableArray<ProductSet> array in arrays.Keys)
        {
            w.Count(array.Length);
            foreach (ProductSet s in array)
            {
                SetRef(s);
            }
        }

        CoreRulebook rb = policy.Rulebook;
        w.Count(rb.Slots.Length);
        foreach (SlotRule s in rb.Slots)
        {
            w.String(s.Name);
            w.Byte((byte)s.Choice);
            w.String(s.Citation);
        }

        w.Count(rb.Programs.Length);
        foreach (PreferenceProgram p in rb.Programs)
        {
            w.Strings(p.Symbols);
            w.String(p.Name);
            WriteCountrySet(w, p.Countries);
            w.Bool(p.CountriesChecked);
            WritePeriod(w, p.Period);
            w.String(p.Source);
        }

        List<ShipmentCondition> conditions = [.. rb.Conditions.Values.OrderBy(c => c.Name, StringComparer.Ordinal)];
        w.Count(conditions.Count);
        foreach (ShipmentCondition c in conditions)
        {
            w.String(c.Name);
            w.String(c.Description);
            w.String(c.Source);
            SetRef(c.OfferedFor);
        }

        w.Strings(rb.DeclarationOrder);
        w.String(rb.DeclarationOrderSource);
        EngineRoles roles = rb.Roles;
        w.String(roles.MetalSlot);
        w.String(roles.UsContent.Slot);
        w.Code(roles.UsContent.Heading);
        w.Decimal(roles.UsContent.Threshold);
        w.String(roles.UsContent.Citation);
        w.String(roles.Column2Group);
        w.String(roles.EuropeanUnionGroup);

        // Measures in families (one rulebook entry expanded per heading) share every field but their id, heading and list:
        // they are written as one template and the members' differences, and read back with `with`, as the YAML reader
        // makes them, so that the same instances are shared (the engine compares measures as records).
        var groups = new List<List<PolicyMeasure>>();
        foreach (PolicyMeasure m in rb.Measures)
        {
            PolicyMeasure? first = groups.Count > 0 ? groups[^1][0] : null;
            if (first is not null && m.Periods == first.Periods
                && m with { Id = first.Id, Heading = first.Heading, Products = first.Products, ProductListHeading = first.ProductListHeading } == first)
            {
                groups[^1].Add(m);
            }
            else
            {
                groups.Add([m]);
            }
        }

        w.Count(groups.Count);
        foreach (List<PolicyMeasure> group in groups)
        {
            WriteMeasure(group[0]);
            w.Count(group.Count);
            foreach (PolicyMeasure member in group)
            {
                w.String(member.Id);
                w.Code(member.Heading);
                SetRef(member.Products);
                w.OptionalCode(member.ProductListHeading);
            }
        }

        void WriteMeasure(PolicyMeasure m)
        {
            w.String(m.Id);
            w.Byte((byte)m.Authority);
            w.String(m.Program);
            w.String(m.Slot);
            w.Int(m.Priority);
            w.Code(m.Heading);
            w.OptionalCode(m.TwinHeading);
            w.Byte(m.Kind is { } k ? (byte)(k + 1) : (byte)0);
            w.Count(m.Periods.Length);
            foreach (MeasurePeriod p in m.Periods)
            {
                WritePeriod(w, p.Period);
                w.String(p.Source);
            }

            WriteCountrySet(w, m.Countries);
            WriteCountrySet(w, m.ExcludedCountries);
            SetRef(m.Products);
            w.OptionalCode(m.ProductListHeading);
            w.Count(m.AlsoProducts.IsEmpty ? 0 : arrays[m.AlsoProducts] + 1);

            w.Bool(m.FootnoteLinked);
            w.Byte(m.RateColumn is { } col ? (byte)(col + 1) : (byte)0);
            w.Bool(m.WhenSlotApplies is not null);
            if (m.WhenSlotApplies is { } when)
            {
                w.String(when.Slot);
                w.Strings(when.Programs);
            }

            w.Bool(m.PartialByContent);
            SetRef(m.ExcludedProducts);
            w.Bool(m.RateOverride is not null);
            if (m.RateOverride is { } o)
            {
                w.Decimal(o.Percent);
                w.String(o.Reason);
            }

            w.String(m.RequiresProgram);
            w.String(m.UnlessProgram);
            w.String(m.RequiresCondition);
            w.String(m.UnlessCondition);
            w.Bool(m.BasisOverride is not null);
            if (m.BasisOverride is { } basis)
            {
                w.Byte((byte)basis.Basis);
                w.String(basis.Reason);
            }

            w.Bool(m.InTransit is not null);
            if (m.InTransit is { } t)
            {
                w.Date(t.LoadedBefore);
                w.OptionalDate(t.EnteredBefore);
                w.OptionalCode(t.Heading);
            }

            w.String(m.Citation);
            w.String(m.Notes);
        }

        WriteTimeline(w, policy.Timeline);

        w.String(policy.Metal.Source);
        IReadOnlyList<KeyValuePair<HtsCode, (decimal Steel, decimal Aluminum, decimal Copper)>> shares = policy.Metal.Entries;
        w.Count(shares.Count);
        foreach ((HtsCode code, (decimal steel, decimal aluminum, decimal copper)) in shares)
        {
            w.Code(code);
            w.Decimal(steel);
            w.Decimal(aluminum);
            w.Decimal(copper);
        }

        QuoteDefaults d = policy.Defaults;
        w.Decimal(d.FlatMetalShare);
        w.String(d.FlatMetalShareSource);
        w.Decimal(d.UsmcaVehicleUsContentShare);
        w.String(d.UsmcaVehicleUsContentSource);
    }

    public static PolicyRulebook ReadPolicy(BundleReader r)
    {
        int setCount = r.Count(100_000);
        var sets = new ProductSet[setCount];
        for (int i = 0; i < setCount; i++)
        {
            string name = r.String(), source = r.String();
            ProductListEntry[] listEntries = ReadEntries(r);

            int x = r.Count(1_000_000);
            var excluded = new HtsCode[x];
            for (int e = 0; e < x; e++)
            {
                excluded[e] = r.Code();
            }

            sets[i] = new ProductSet(name, source, listEntries, excluded, ReadEntries(r));
        }

        int listCount = r.Count(setCount);
        var lists = new Dictionary<string, ProductSet>(listCount, StringComparer.Ordinal);
        for (int i = 0; i < listCount; i++)
        {
            string name = r.String();
            lists[name] = sets[r.Count(setCount - 1)];
        }

        ProductSet? SetRef()
        {
            int n = r.Count(setCount);
            return n == 0 ? null : sets[n - 1];
        }

        var alsoArrays = new ImmutableArray<ProductSet>[r.Count(1_000_000)];
        for (int i = 0; i < alsoArrays.Length; i++)
        {
            var array = ImmutableArray.CreateBuilder<ProductSet>(r.Count(setCount));
            for (int a = 0; a < array.Capacity; a++)
            {
                array.Add(SetRef() ?? throw r.Corrupt("a further product list is null"));
            }

            alsoArrays[i] = array.MoveToImmutable();
        }

        var slots = new SlotRule[r.Count(10_000)];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = new SlotRule(r.String(), Enum<SlotChoice>(r), r.OptionalString());
        }

        var programs = new PreferenceProgram[r.Count(10_000)];
        for (int i = 0; i < programs.Length; i++)
        {
            programs[i] = new PreferenceProgram(r.Strings(), r.String(), ReadCountrySet(r), r.Bool(), ReadPeriod(r), r.String());
        }

        var conditions = new ShipmentCondition[r.Count(10_000)];
        for (int i = 0; i < conditions.Length; i++)
        {
            conditions[i] = new ShipmentCondition(r.String(), r.String(), r.String(), SetRef());
        }

        ImmutableArray<string> declarationOrder = r.Strings();
        string declarationOrderSource = r.String();
        var roles = new EngineRoles(r.String(), new UsContentRole(r.String(), r.Code(), r.Decimal(), r.String()), r.String(), r.String());

        var measures = new List<PolicyMeasure>();
        int groupCount = r.Count(1_000_000);
        for (int g = 0; g < groupCount; g++)
        {
            PolicyMeasure template = ReadMeasure();
            int members = r.Count(1_000_000);
            for (int i = 0; i < members; i++)
            {
                measures.Add(template with { Id = r.String(), Heading = r.Code(), Products = SetRef(), ProductListHeading = r.OptionalCode() });
            }
        }

        PolicyMeasure ReadMeasure()
        {
            string id = r.String();
            var authority = Enum<Authority>(r);
            string program = r.String(), slot = r.String();
            int priority = r.Int32();
            HtsCode heading = r.Code();
            HtsCode? twin = r.OptionalCode();
            byte kind = r.Byte();
            var periods = ImmutableArray.CreateBuilder<MeasurePeriod>(r.Count(10_000));
            for (int p = 0; p < periods.Capacity; p++)
            {
                periods.Add(new MeasurePeriod(ReadPeriod(r), r.String()));
            }

            CountrySet? countries = ReadCountrySet(r), excludedCountries = ReadCountrySet(r);
            ProductSet? products = SetRef();
            HtsCode? listHeading = r.OptionalCode();
            int alsoRef = r.Count(alsoArrays.Length);

            bool footnoteLinked = r.Bool();
            byte column = r.Byte();
            SlotCondition? when = r.Bool() ? new SlotCondition(r.String(), r.Strings()) : null;
            bool partial = r.Bool();
            ProductSet? excludedProducts = SetRef();
            (decimal, string)? rateOverride = r.Bool() ? (r.Decimal(), r.String()) : null;
            string? requiresProgram = r.OptionalString(), unlessProgram = r.OptionalString(), requiresCondition = r.OptionalString(), unlessCondition = r.OptionalString();
            (DutyBasis, string)? basisOverride = r.Bool() ? (Enum<DutyBasis>(r), r.String()) : null;
            InTransitException? inTransit = r.Bool() ? new InTransitException(r.Date(), r.OptionalDate(), r.OptionalCode()) : null;
            return new PolicyMeasure
            {
                Id = id,
                Authority = authority,
                Program = program,
                Slot = slot,
                Priority = priority,
                Heading = heading,
                TwinHeading = twin,
                Kind = kind == 0 ? null : kind <= (byte)MeasureKind.Exemption + 1 ? (MeasureKind)(kind - 1) : throw r.Corrupt($"measure kind {kind}"),
                Periods = periods.MoveToImmutable(),
                Countries = countries,
                ExcludedCountries = excludedCountries,
                Products = products,
                ProductListHeading = listHeading,
                AlsoProducts = alsoRef == 0 ? ImmutableArray<ProductSet>.Empty : alsoArrays[alsoRef - 1],
                FootnoteLinked = footnoteLinked,
                RateColumn = column == 0 ? null : column <= (byte)RateColumn.Other + 1 ? (RateColumn)(column - 1) : throw r.Corrupt($"rate column {column}"),
                WhenSlotApplies = when,
                PartialByContent = partial,
                ExcludedProducts = excludedProducts,
                RateOverride = rateOverride,
                RequiresProgram = requiresProgram,
                UnlessProgram = unlessProgram,
                RequiresCondition = requiresCondition,
                UnlessCondition = unlessCondition,
                BasisOverride = basisOverride,
                InTransit = inTransit,
                Citation = r.String(),
                Notes = r.OptionalString(),
            };
        }

        CoreRulebook rulebook = new(measures, slots, programs, conditions, declarationOrder, declarationOrderSource, roles);
        if (rulebook.Validate() is [var problem, ..])
        {
            throw r.Corrupt($"the rulebook does not hold together: {problem}");
        }

        LegalTimeline timeline = ReadTimelineCore(r);

        string metalSource = r.String();
        var shares = new KeyValuePair<HtsCode, (decimal, decimal, decimal)>[r.Count(10_000_000)];
        for (int i = 0; i < shares.Length; i++)
        {
            shares[i] = new(r.Code(), (r.Decimal(), r.Decimal(), r.Decimal()));
        }

        var defaults = new QuoteDefaults(r.Decimal(), r.String(), r.Decimal(), r.String());
        if (!r.AtEnd)
        {
            throw r.Corrupt("bytes follow the defaults");
        }

        return new PolicyRulebook(rulebook, timeline, new MetalShares(metalSource, shares), defaults, lists);
    }

    // ----- timeline -----

    public static void WriteTimeline(BundleWriter w, LegalTimeline timeline)
    {
        w.Date(timeline.First);
        w.Date(timeline.Horizon);
        w.Count(timeline.Entries.Length);
        foreach ((DateOnly date, HtsRevisionId revision, string source) in timeline.Entries)
        {
            w.Date(date);
            w.String(revision.ShortName);
            w.String(source);
        }
    }

    public static LegalTimeline ReadTimeline(BundleReader r)
    {
        LegalTimeline timeline = ReadTimelineCore(r);
        return r.AtEnd ? timeline : throw r.Corrupt("bytes follow the timeline");
    }

    private static LegalTimeline ReadTimelineCore(BundleReader r)
    {
        DateOnly first = r.Date(), horizon = r.Date();
        var entries = new (DateOnly, HtsRevisionId, string)[r.Count(10_000)];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = (r.Date(), Revision(r), r.String());
        }

        return Build(r, () => new LegalTimeline(entries, first, horizon));
    }

    // ----- parts -----

    private static void WriteEntries(BundleWriter w, ImmutableArray<ProductListEntry> entries)
    {
        w.Count(entries.Length);
        foreach (ProductListEntry e in entries)
        {
            w.Code(e.Prefix);
            w.OptionalDate(e.From);
            w.OptionalDate(e.Until);
            w.OptionalCode(e.Heading);
        }
    }

    private static ProductListEntry[] ReadEntries(BundleReader r)
    {
        var entries = new ProductListEntry[r.Count(10_000_000)];
        for (int e = 0; e < entries.Length; e++)
        {
            entries[e] = new ProductListEntry(r.Code(), r.OptionalDate(), r.OptionalDate(), r.OptionalCode());
        }

        return entries;
    }

    private static void WriteCountrySet(BundleWriter w, CountrySet? set)
    {
        w.Bool(set is not null);
        if (set is not null)
        {
            w.String(set.Description);
            w.Strings([.. set.Members.Select(c => c.Value)]);
        }
    }

    private static CountrySet? ReadCountrySet(BundleReader r)
    {
        if (!r.Bool())
        {
            return null;
        }

        string description = r.String();
        ImmutableArray<string> members = r.Strings();
        return description == CountrySet.All.Description && members.Length == 676
            ? CountrySet.All
            : CountrySet.Create(description, members.Select(m => CountryOf(r, m)));
    }

    private static void WritePeriod(BundleWriter w, EffectivePeriod period)
    {
        w.Date(period.Start);
        w.OptionalDate(period.End);
    }

    private static EffectivePeriod ReadPeriod(BundleReader r)
    {
        DateOnly start = r.Date();
        DateOnly? end = r.OptionalDate();
        return Build(r, () => new EffectivePeriod(start, end));
    }

    private static HtsRevisionId Revision(BundleReader r)
    {
        string text = r.String();
        return HtsRevisionId.TryParse(text, out HtsRevisionId id) ? id : throw r.Corrupt($"\"{text}\" is not an HTS revision");
    }

    private static CountryCode CountryOf(BundleReader r, string text) =>
        CountryCode.TryParse(text, out CountryCode c) ? c : throw r.Corrupt($"\"{text}\" is not a country code");

    private static T Enum<T>(BundleReader r)
        where T : struct, Enum
    {
        byte b = r.Byte();
        T value = (T)(object)(int)b;
        return System.Enum.IsDefined(value) ? value : throw r.Corrupt($"{b} is not a {typeof(T).Name}");
    }

    private static T Build<T>(BundleReader r, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException ex)
        {
            throw r.Corrupt(ex.Message);
        }
    }
}
