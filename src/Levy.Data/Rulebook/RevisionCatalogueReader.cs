using Levy.Core.Schedule;
using Levy.Data.Tables;

namespace Levy.Data.Rulebook;

/// <summary>Builds the <see cref="RevisionCatalogue"/> from the revision-date table of the data folder
/// (<c>policy/revision_dates.csv</c>) and the rulebook's <c>revisions.yaml</c>.</summary>
public static class RevisionCatalogueReader
{
    /// <summary>Reads the catalogue.</summary>
    /// <param name="revisionDatesCsv">Path of <c>revision_dates.csv</c>.</param>
    /// <param name="rulebook">The rulebook.</param>
    /// <exception cref="CsvDataException">The table is malformed; the message names the line and column.</exception>
    /// <exception cref="RulebookException">revisions.yaml is malformed.</exception>
    public static RevisionCatalogue Read(string revisionDatesCsv, RulebookFiles rulebook) =>
        Read(CsvTable.Read(revisionDatesCsv, "revision", "effective_date"), rulebook);

    /// <summary>Reads the catalogue from <c>policy/revision_dates.csv</c> of a data folder or bundle.</summary>
    /// <inheritdoc cref="Read(string, RulebookFiles)"/>
    public static RevisionCatalogue Read(Locating.DataFiles files, RulebookFiles rulebook) =>
        Read(CsvTable.Read(files, RevisionDatesFile, "revision", "effective_date"), rulebook);

    /// <summary>The revision-date table in the data layout.</summary>
    public const string RevisionDatesFile = "policy/revision_dates.csv";

    private static RevisionCatalogue Read(CsvTable table, RulebookFiles rulebook)
    {
        var revisions = new List<HtsRevision>();
        foreach (CsvRecord row in table.Records)
        {
            string name = row.Required("revision");
            // The table writes 2025 revisions without the year ("rev_7", "basic") and 2026 ones with it.
            string qualified = char.IsAsciiDigit(name[0]) ? name : "2025_" + name;
            if (!HtsRevisionId.TryParse(qualified, out HtsRevisionId id))
            {
                throw row.Error("revision", $"is not an HTS revision: \"{name}\"");
            }

            revisions.Add(new HtsRevision(id, row.Date("effective_date"), row.OptionalDate("policy_effective_date"),
                row.Optional("policy_event"), $"{table.File}, line {row.Line}"));
        }

        RevisionsFile extra = YamlRulebook.Read<RevisionsFile>(rulebook, "revisions.yaml");
        foreach (RevisionEntry e in extra.Revisions ?? [])
        {
            if (!HtsRevisionId.TryParse(e.Revision, out HtsRevisionId id))
            {
                throw new RulebookException("revisions.yaml", 0, $"\"{e.Revision}\" is not an HTS revision");
            }

            revisions.RemoveAll(r => r.Id == id);
            revisions.Add(new HtsRevision(id, e.EffectiveDate, e.PolicyEffectiveDate, e.PolicyEvent, "rulebook/revisions.yaml: " + e.Source?.Trim()));
        }

        if (extra.Horizon is null)
        {
            throw new RulebookException("revisions.yaml", 0, "\"horizon\" is missing");
        }

        HtsRevisionId? through = null;
        if (extra.ModelledThrough?.Revision is { } throughName)
        {
            through = HtsRevisionId.TryParse(throughName, out HtsRevisionId t) ? t
                : throw new RulebookException("revisions.yaml", 0, $"modelled_through: \"{throughName}\" is not an HTS revision");
        }

        // A revision published after the horizon (fetched by levy data sync) moves the horizon to its own date, so that it
        // can be asked about; nothing is assumed beyond it.
        DateOnly horizon = revisions.Count > 0 && through is { } known && revisions.Max(r => r.EffectiveDate) is var newest && newest > extra.Horizon.Date
            && revisions.Where(r => r.EffectiveDate == newest).All(r => r.Id > known)
            ? newest
            : extra.Horizon.Date;
        try
        {
            return new RevisionCatalogue(revisions, horizon) { ModelledThrough = through };
        }
        catch (ArgumentException ex)
        {
            throw new CsvDataException(table.File, 0, null, ex.Message.Split(" (Parameter")[0]);
        }
    }

    private sealed class RevisionsFile
    {
        public HorizonEntry? Horizon { get; set; }

        public List<RevisionEntry>? Revisions { get; set; }

        public ModelledEntry? ModelledThrough { get; set; }

        public object? LegalDates { get; set; } // read by PolicyRulebookReader
    }

    private sealed class ModelledEntry
    {
        public string? Revision { get; set; }

        public string? Reason { get; set; }
    }

    private sealed class HorizonEntry
    {
        public DateOnly Date { get; set; }

        public string? Reason { get; set; }

        public string? Source { get; set; }
    }

    private sealed class RevisionEntry
    {
        public string Revision { get; set; } = string.Empty;

        public DateOnly EffectiveDate { get; set; }

        public DateOnly? PolicyEffectiveDate { get; set; }

        public string? PolicyEvent { get; set; }

        public string? Source { get; set; }
    }
}
