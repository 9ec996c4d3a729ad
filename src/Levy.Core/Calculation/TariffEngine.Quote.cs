using System.Collections.Immutable;
using Levy.Core.Countries;
using Levy.Core.Measures;
using Levy.Core.Primitives;
using Levy.Core.Rates;
using Levy.Core.Schedule;

namespace Levy.Core.Calculation;

public sealed partial class TariffEngine
{
    /// <summary>Quotes the duty on a product from a country on a date.</summary>
    /// <param name="request">The question.</param>
    /// <returns>The components, the total, what did not apply and why, and the defaults assumed.</returns>
    /// <exception cref="DateOutsideDataException">The entry date is outside the data.</exception>
    /// <exception cref="UnknownProductException">The code is not printed in the revision governing the date.</exception>
    /// <exception cref="UnknownCountryException">The origin is not a known country.</exception>
    /// <exception cref="InvalidQuoteRequestException">The request contradicts itself or the schedule (e.g. a program the line
    /// does not grant).</exception>
    public RateQuote Quote(QuoteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var q = new QuoteState(this, request);
        q.Validate();
        q.SelectProduct();
        q.SelectBase();
        q.CollectCandidates();
        for (int slot = 0; slot < Rulebook.Slots.Length; slot++)
        {
            StackingRules.ResolveSlot(q, slot);
        }

        StackingRules.ApplyUsContent(q);
        return q.Build();
    }

    /// <summary>The state of one quote while it is computed; the stacking rules read and write it.</summary>
    internal sealed class QuoteState
    {
        internal QuoteState(TariffEngine engine, QuoteRequest request)
        {
            Engine = engine;
            Request = request;
            Outcomes = new SlotOutcome?[engine.Rulebook.Slots.Length];
            Candidates = new List<Candidate>[engine.Rulebook.Slots.Length];
            for (int i = 0; i < Candidates.Length; i++)
            {
                Candidates[i] = [];
            }
        }

        internal TariffEngine Engine { get; }

        internal QuoteRequest Request { get; }

        internal HtsRevisionId Revision { get; private set; }

        internal HtsProduct Product { get; private set; } = null!;

        internal bool IsColumn2 { get; private set; }

        internal Rate BaseRate { get; private set; } = FreeRate.Instance;

        internal string BaseColumn { get; private set; } = "General";

        /// <summary>The ordinary duty as a fraction of value, when known.</summary>
        internal decimal? BaseAdValorem { get; private set; }

        internal List<Candidate>[] Candidates { get; }

        internal SlotOutcome?[] Outcomes { get; }

        internal List<QuoteComponent> Components { get; } = [];

        internal List<NotAppliedMeasure> NotApplied { get; } = [];

        internal List<string> Assumptions { get; } = [];

        internal List<string> Trace { get; } = [];

        internal void Validate()
        {
            if (!Request.Product.IsTariffLine && !Request.Product.IsStatisticalLine)
            {
                throw new InvalidQuoteRequestException("product", $"A quote needs an 8- or 10-digit HTS code; {Request.Product} is a {Request.Product.Length}-digit heading.");
            }

            if (Engine.Countries.FindByIso(Request.Origin) is null)
            {
                throw new UnknownCountryException(Request.Origin.Value, Engine.Countries.Suggest(Request.Origin.Value));
            }

            CheckShare(Request.Metal.Steel, "steel_share");
            CheckShare(Request.Metal.Aluminum, "aluminum_share");
            CheckShare(Request.Metal.Copper, "copper_share");
            CheckShare(Request.UsContentShare, "us_content_share");
            if (Request.LoadingDate is { } loaded && loaded > Request.EntryDate)
            {
                throw new InvalidQuoteRequestException("loading_date", $"The loading date {loaded:yyyy-MM-dd} is after the entry date {Request.EntryDate:yyyy-MM-dd}.");
            }

            foreach (string c in Request.Conditions)
            {
                if (!Engine.Rulebook.Conditions.ContainsKey(c))
                {
                    throw new InvalidQuoteRequestException("conditions",
                        $"Unknown condition \"{c}\"; the rulebook knows: {string.Join(", ", Engine.Rulebook.Conditions.Keys.Order())}.");
                }
            }

            static void CheckShare(decimal? share, string field)
            {
                if (share is { } s && (s < 0 || s > 1))
                {
                    throw new InvalidQuoteRequestException(field, $"{field} must be between 0 and 1 (got {s}).");
                }
            }
        }

        internal void SelectProduct()
        {
            Revision = Engine.Timeline.ForDate(Request.EntryDate);
            TariffSchedule schedule = Engine.Schedule(Revision);
            Product = schedule.FindProduct(Request.Product)
                ?? throw new UnknownProductException(Request.Product, Revision, schedule.Nearest(Request.Product));
            Trace.Add($"Entry date {Request.EntryDate:yyyy-MM-dd}: the text of HTS {Revision} governs (legal timeline).");
        }

        internal void SelectBase()
        {
            IsColumn2 = Engine.Countries.IsMember(Request.Origin, "COLUMN2");
            string? program = Request.ClaimedProgram;
            if (program is not null)
            {
                PreferenceProgram p = Engine.Rulebook.FindProgram(program)
                    ?? throw new InvalidQuoteRequestException("program", $"Unknown program \"{program}\"; Special Program Indicators include S (USMCA), KR, JP, AU, P (CAFTA-DR)…");
                if (IsColumn2)
                {
                    throw new InvalidQuoteRequestException("program", $"Products of {Request.Origin} take column 2 rates and cannot claim {program}.");
                }

                if (!p.Period.Contains(Request.EntryDate))
                {
                    throw new InvalidQuoteRequestException("program", $"{p.Name} ({program}) is not in force on {Request.EntryDate:yyyy-MM-dd} ({p.Source}).");
                }

                if (p.CountriesChecked && p.Countries is { } beneficiaries && !beneficiaries.Contains(Request.Origin))
                {
                    throw new InvalidQuoteRequestException("program", $"{p.Name} ({program}) cannot be claimed for products of {Request.Origin}; it covers {beneficiaries}.");
                }

                // A claim on a line whose General rate is already Free is still a claim (it matters for the USMCA
                // exemptions of the IEEPA and Section 122 duties), even though the Special column is blank.
                Rate granted = (Product.Special?.Rate as PreferentialRates)?.ForProgram(program)
                    ?? (Product.General?.Rate is FreeRate ? FreeRate.Instance : null)
                    ?? throw new InvalidQuoteRequestException("program",
                        $"{Product.RateSource} does not grant {program}: its Special column reads \"{Product.Special?.Text ?? "(blank)"}\".");
                BaseRate = granted;
                BaseColumn = $"Special ({program})";
                if (!p.CountriesChecked)
                {
                    Assumptions.Add($"{p.Name}: beneficiary status of {Request.Origin} is not checked by Levy.");
                }
            }
            else if (IsColumn2 && Product.Other is { } other)
            {
                BaseRate = other.Rate;
                BaseColumn = "Column 2";
            }
            else
            {
                BaseRate = Product.General?.Rate ?? FreeRate.Instance;
                BaseColumn = "General";
                SuggestPrograms();
            }

            BaseAdValorem = RateAdValorem.Of(BaseRate, Request.CustomsValue, Request.Quantities);
            Trace.Add($"Base: {BaseColumn} rate of {Product.RateSource}: {BaseRate}.");
        }

        private void SuggestPrograms()
        {
            if (Product.Special?.Rate is not PreferentialRates special)
            {
                return;
            }

            foreach (PreferentialRate g in special.Groups)
            {
                foreach (string symbol in g.Programs)
                {
                    PreferenceProgram? p = Engine.Rulebook.FindProgram(symbol);
                    if (p is { CountriesChecked: true, Countries: { } c } && c.Contains(Request.Origin) && p.Period.Contains(Request.EntryDate))
                    {
                        Assumptions.Add($"No preference claimed: {p.Name} ({symbol}) would give {g.Rate} if the goods qualify (claim it with the program option).");
                        return;
                    }
                }
            }
        }

        internal void CollectCandidates()
        {
            int[] indexes = Engine.CandidatesFor(Product.Code, Product);
            foreach (int i in indexes)
            {
                PolicyMeasure m = Engine.Rulebook.Measures[i];
                MeasurePeriod? period = m.PeriodOn(Request.EntryDate);
                if (period is null)
                {
                    continue;
                }

                CountrySet countries = Engine.CountriesOf(m, i, Revision);
                if (!countries.Contains(Request.Origin))
                {
                    continue;
                }

                ProductListEntry? entry = null;
                if (m.Products is { } products && !m.FootnoteLinked)
                {
                    entry = products.Find(Product.Code, Request.EntryDate);
                    if (entry is { } e && m.ProductListHeading is { } h && e.Heading != h)
                    {
                        entry = FindWithHeading(products, h);
                    }

                    entry ??= m.AlsoProducts.Select(a => a.Find(Product.Code, Request.EntryDate)).FirstOrDefault(x => x is not null);
                    if (entry is null)
                    {
                        continue;
                    }
                }

                if (m.ExcludedProducts is { } excluded && excluded.Contains(Product.Code, Request.EntryDate))
                {
                    NotApplied.Add(new(m.Id, m.Authority, NullIfEmpty(m.Heading), $"product excluded ({excluded.Name})"));
                    continue;
                }

                if (m.RequiresProgram is { } needed && !ProgramMatches(needed))
                {
                    NotApplied.Add(new(m.Id, m.Authority, NullIfEmpty(m.Heading), $"applies only when {Engine.Rulebook.FindProgram(needed)?.Name ?? needed} ({needed}) is claimed"));
                    continue;
                }

                if (m.UnlessProgram is { } unless && ProgramMatches(unless))
                {
                    NotApplied.Add(new(m.Id, m.Authority, NullIfEmpty(m.Heading), $"does not apply when {Engine.Rulebook.FindProgram(unless)?.Name ?? unless} ({unless}) is claimed"));
                    continue;
                }

                if (m.RequiresCondition is { } condition && !Request.Conditions.Contains(condition, StringComparer.OrdinalIgnoreCase))
                {
                    NotApplied.Add(new(m.Id, m.Authority, NullIfEmpty(m.Heading), $"applies only if the importer certifies: {Engine.Rulebook.Conditions[condition].Description}"));
                    continue;
                }

                if (m.InTransit is { } transit && Request.LoadingDate is { } loaded && loaded < transit.LoadedBefore
                    && (transit.EnteredBefore is not { } by || Request.EntryDate < by))
                {
                    NotApplied.Add(new(m.Id, m.Authority, NullIfEmpty(m.Heading),
                        $"goods in transit: loaded {loaded:yyyy-MM-dd}, before {transit.LoadedBefore:yyyy-MM-dd}" + (transit.InTransitHeadingText())));
                    if (transit.Heading is { } th)
                    {
                        Components.Add(new QuoteComponent(m.Authority, m.Program + " (in transit)", th, ComponentKind.Exemption, NoChangeRate.Instance,
                            0m, 0m, null, m.Id + "/in-transit", period.Source, "Loaded before the measure took effect: the in-transit heading is declared."));
                    }

                    continue;
                }

                HeadingText? text = m.Heading.IsEmpty ? null : Engine.FindHeading(m.Heading, Revision);
                if (!m.Heading.IsEmpty && text is null)
                {
                    throw new InvalidOperationException($"Measure {m.Id}: heading {m.Heading} is not printed in {Revision} or any later revision.");
                }

                Candidates[Engine.SlotIndex(m.Slot)].Add(Candidate.Create(this, m, period, text, entry));
            }

            ProductListEntry? FindWithHeading(ProductSet set, HtsCode heading)
            {
                foreach (ProductListEntry e in set.Entries)
                {
                    if (e.Heading == heading && Product.Code.IsWithin(e.Prefix) && e.IsInForce(Request.EntryDate))
                    {
                        return e;
                    }
                }

                return null;
            }
        }

        internal bool ProgramMatches(string needed)
        {
            if (Request.ClaimedProgram is not { } claimed)
            {
                return false;
            }

            PreferenceProgram? p = Engine.Rulebook.FindProgram(needed);
            return p is not null ? p.Symbols.Contains(claimed, StringComparer.OrdinalIgnoreCase) : string.Equals(needed, claimed, StringComparison.OrdinalIgnoreCase);
        }

        internal RateColumn ColumnFor(PolicyMeasure m) =>
            m.RateColumn ?? (IsColumn2 ? RateColumn.Other : Request.ClaimedProgram is not null ? RateColumn.Special : RateColumn.General);

        internal RateQuote Build()
        {
            var ordered = ImmutableArray.CreateBuilder<QuoteComponent>(Components.Count + 1);
            ordered.Add(new QuoteComponent(Authority.Mfn, BaseColumn, null, ComponentKind.Base, BaseRate, BaseAdValorem, 1m, null, "mfn",
                $"HTS {Revision}, {Product.RateSource} ({BaseColumn})", BaseExplanation()));
            ordered.AddRange(Components.OrderBy(c => DeclarationRank(c)).ThenBy(c => c.Heading));
            return new RateQuote(Request, Revision, Product, ordered.ToImmutable(), [.. NotApplied], [.. Assumptions.Distinct()], [.. Trace]);
        }

        private int DeclarationRank(QuoteComponent c)
        {
            string slot = c.MeasureId.Length > 0 ? Engine.Rulebook.Measures.FirstOrDefault(m => c.MeasureId.StartsWith(m.Id, StringComparison.Ordinal))?.Slot ?? string.Empty : string.Empty;
            int rank = Engine.Rulebook.DeclarationOrder.IndexOf(slot);
            return rank < 0 ? int.MaxValue : rank;
        }

        private string BaseExplanation() => BaseColumn switch
        {
            "Column 2" => $"{Request.Origin} is a column 2 country (General Note 3(b)).",
            "General" => "Column 1 General (normal trade relations) rate.",
            _ => $"Preference claimed under {BaseColumn}.",
        };

        private static HtsCode? NullIfEmpty(HtsCode code) => code.IsEmpty ? null : code;
    }

    /// <summary>A measure that covers the line, with its rate read from the heading.</summary>
    internal sealed record Candidate(PolicyMeasure Measure, MeasurePeriod Period, HeadingText? Text, MeasureKind Kind, Rate Printed,
        decimal Rate, DutyBasis Basis, ProductListEntry? Entry, string RateSource)
    {
        internal static Candidate Create(QuoteState q, PolicyMeasure m, MeasurePeriod period, HeadingText? text, ProductListEntry? entry)
        {
            if (text is null)
            {
                return new Candidate(m, period, null, m.Kind ?? MeasureKind.Exemption, NoChangeRate.Instance, 0m, DutyBasis.FullValue, entry, "rulebook");
            }

            RateColumn column = q.ColumnFor(m);
            RateCell? cell = column switch
            {
                RateColumn.Other => text.Line.Other ?? text.Line.General,
                RateColumn.Special => text.Line.Special ?? text.Line.General,
                _ => text.Line.General,
            };
            Rate printed = cell?.Rate ?? NoChangeRate.Instance;
            string where = $"{m.Heading} ({column} column, HTS {text.Revision}{(text.Retroactive ? ", applied retroactively" : string.Empty)})";

            if (m.RateOverride is { } o)
            {
                return new Candidate(m, period, text, m.Kind ?? MeasureKind.Additional, printed, o.Percent / 100m, DutyBasis.FullValue, entry,
                    $"rulebook rate {o.Percent}%: {o.Reason}");
            }

            (MeasureKind kind, decimal rate, DutyBasis basis) = HeadingTerms.Read(printed);
            if (m.Kind is { } fixedKind)
            {
                if (fixedKind == MeasureKind.Exemption)
                {
                    (kind, rate) = (MeasureKind.Exemption, 0m);
                }
                else if (fixedKind == MeasureKind.Floor && printed is AdValoremRate floor)
                {
                    (kind, rate) = (MeasureKind.Floor, floor.Fraction);
                }
            }

            return new Candidate(m, period, text, kind, printed, rate, basis, entry, where);
        }
    }

    /// <summary>What a slot did: its winner (null when nothing applied) and the share of value the duty was charged on.</summary>
    internal sealed record SlotOutcome(Candidate? Winner, bool Charged, decimal Share);
}

/// <summary>Helper for in-transit messages.</summary>
internal static class InTransitText
{
    internal static string InTransitHeadingText(this InTransitException t) =>
        (t.EnteredBefore is { } e ? $" and entered before {e:yyyy-MM-dd}" : string.Empty) + (t.Heading is { } h ? $" ({h})" : string.Empty);
}
