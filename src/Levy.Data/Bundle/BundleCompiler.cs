using System.Security.Cryptography;
using System.Text;
using Levy.Core.Countries;
using Levy.Core.Schedule;
using Levy.Data.Countries;
using Levy.Data.Hts;
using Levy.Data.Locating;
using Levy.Data.Rulebook;
using Levy.Data.Trade;

namespace Levy.Data.Bundle;

/// <summary>Compiles the official files (the HTS revisions of a data folder, its policy and trade tables) and the rulebook
/// into one data bundle (<c>docs/data.md</c>, "The data bundle"), the way NodaTime compiles the tz database into
/// <c>Tzdb.nzd</c>.</summary>
/// <remarks>
/// The output depends only on the inputs: compiling the same folder with the same rulebook gives the same bytes, which a
/// test checks against the bundle embedded in Levy.Data. The tables are read with the same readers Levy uses at run time,
/// so the bundle holds exactly what reading the folder would give.
/// </remarks>
public static class BundleCompiler
{
    /// <summary>The command that rebuilds the embedded bundle from <c>../shared/data</c>, run from the repository root.</summary>
    public const string RebuildCommand = "dotnet run --project src/Levy.Cli -- data compile --from ../shared/data --out src/Levy.Data/Bundle/levy-data.bundle";

    /// <summary>Where the embedded bundle lives in the repository.</summary>
    public const string EmbeddedPath = "src/Levy.Data/Bundle/levy-data.bundle";

    /// <summary>The tables Levy reads outside the rulebook's product lists (trade figures, USMCA shares), carried in the
    /// bundle when the folder has them.</summary>
    private static readonly string[] ExtraFiles =
    [
        "trade/" + TradeTables.BilateralTradeFile,
        "trade/" + TradeTables.AnnexRatesFile,
        "trade/" + TradeTables.CountryImportsFile,
        "policy/" + TradeTables.UsmcaSharesFile,
    ];

    /// <summary>Compiles a data folder and a rulebook.</summary>
    /// <param name="folder">The data folder (every revision of its catalogue must be present).</param>
    /// <param name="rulebook">The rulebook.</param>
    /// <param name="progress">Receives a line per step.</param>
    /// <returns>The bundle's bytes.</returns>
    /// <exception cref="DataNotFoundException">A revision of the catalogue has no file.</exception>
    /// <exception cref="InvalidScheduleDataException">A revision file is corrupt.</exception>
    /// <exception cref="RulebookException">The rulebook is malformed.</exception>
    /// <exception cref="Tables.CsvDataException">A table is malformed.</exception>
    public static byte[] Compile(DataDirectory folder, RulebookFiles rulebook, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(rulebook);
        var files = DataFiles.Folder(folder);
        RevisionCatalogue catalogue = RevisionCatalogueReader.Read(files, rulebook);
        var archive = new ScheduleArchive(folder, catalogue);
        progress?.Report($"reading {catalogue.Revisions.Length} HTS revisions from {folder.HtsFolder}");
        archive.LoadAll();
        var sources = new List<BundleSource>();
        foreach (HtsRevision r in catalogue.Revisions)
        {
            string path = archive.PathOf(r.Id);
            sources.Add(new BundleSource("hts/" + r.Id.FileName, new FileInfo(path).Length, FileSha256(path)));
        }

        return Compile(files, rulebook, archive.Get, sources, "levy data compile (the official files of a data folder)", progress);
    }

    /// <summary>Compiles tables, revisions and a rulebook from any source (a folder, or a bundle plus new revisions).</summary>
    /// <param name="files">The policy and trade tables.</param>
    /// <param name="rulebook">The rulebook.</param>
    /// <param name="schedule">Gives each revision of the catalogue.</param>
    /// <param name="revisionSources">The HTS files, for the header.</param>
    /// <param name="description">How the bundle was made, for <c>levy data info</c>.</param>
    /// <param name="progress">Receives a line per step.</param>
    internal static byte[] Compile(DataFiles files, RulebookFiles rulebook, Func<HtsRevisionId, TariffSchedule> schedule,
        IEnumerable<BundleSource> revisionSources, string description, IProgress<string>? progress = null)
    {
        var recording = new RecordingFiles(files);
        RevisionCatalogue catalogue = RevisionCatalogueReader.Read(recording, rulebook);
        CountryDirectory countries = CountryDirectoryReader.Read(rulebook, recording);
        PolicyRulebook policy = PolicyRulebookReader.Read(rulebook, recording, countries, catalogue);
        foreach (string extra in ExtraFiles.Where(recording.Exists))
        {
            recording.ReadText(extra);
        }

        var builder = new BundleImage.Builder();
        var tables = new ScheduleTablesWriter();
        var revisions = new List<(string Name, BundleWriter Section)>();
        foreach (HtsRevision r in catalogue.Revisions)
        {
            revisions.Add(("revision/" + r.Id.ShortName, tables.Revision(schedule(r.Id))));
        }

        progress?.Report($"{tables.LineCount:N0} distinct lines and {tables.TextCount:N0} distinct texts in {catalogue.Revisions.Length} revisions; compressing");
        builder.Add("texts", tables.WriteTexts().Written);
        builder.Add("lines", tables.WriteLines().Written);
        foreach ((string name, BundleWriter section) in revisions)
        {
            builder.Add(name, section.Written);
        }

        // The newest revision's search index, ready-made: `levy search` searches it by default.
        var search = new BundleWriter();
        HtsRevisionId newest = catalogue.Revisions[^1].Id;
        SearchIndexCodec.Write(search, Levy.Core.Search.ScheduleSearchIndex.For(schedule(newest)));
        builder.Add(SearchPrefix + newest.ShortName, search.Written);

        var w = new BundleWriter();
        RulebookCodec.WriteCatalogue(w, catalogue);
        builder.Add("catalogue", w.Written);
        w = new BundleWriter();
        RulebookCodec.WriteCountries(w, countries);
        builder.Add("countries", w.Written);
        w = new BundleWriter();
        RulebookCodec.WritePolicy(w, policy);
        builder.Add("policy", w.Written);
        w = new BundleWriter();
        RulebookCodec.WriteTimeline(w, policy.Timeline);
        builder.Add("timeline", w.Written);
        w = new BundleWriter();
        List<string> read = [.. recording.Read.Keys.Order(StringComparer.Ordinal)];
        w.Count(read.Count);
        foreach (string file in read)
        {
            w.String(file);
            w.String(recording.Read[file]);
        }

        builder.Add("files", w.Written);

        var sources = new List<BundleSource>(revisionSources);
        sources.AddRange(read.Select(f => recording.Sources.TryGetValue(f, out BundleSource? s) ? s : Source(f, Encoding.UTF8.GetBytes(recording.Read[f]))));
        sources.AddRange(rulebook.Names.Select(n => Source("rulebook/" + n.Replace('\\', '/'), rulebook.ReadBytes(n))));
        return builder.Write(description, catalogue.Revisions[^1].Id, rulebook.Fingerprint, sources);
    }

    /// <summary>The prefix of a search index section.</summary>
    internal const string SearchPrefix = "search/";

    private static BundleSource Source(string file, byte[] bytes) => new(file, bytes.Length, BundleImage.Sha256(bytes));

    private static string FileSha256(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return BundleImage.Hex(SHA256.HashData(stream));
    }

    /// <summary>Remembers every file read, so that the bundle carries exactly the tables the readers used.</summary>
    private sealed class RecordingFiles(DataFiles inner) : DataFiles
    {
        public Dictionary<string, string> Read { get; } = new(StringComparer.Ordinal);

        /// <summary>The size and hash of the bytes as stored in the folder (which may differ from the text's UTF-8, e.g. a BOM).</summary>
        public Dictionary<string, BundleSource> Sources { get; } = new(StringComparer.Ordinal);

        public override string Origin => inner.Origin;

        public override bool Exists(string file) => inner.Exists(file);

        public override string ReadText(string file)
        {
            lock (Read)
            {
                if (!Read.TryGetValue(file, out string? text))
                {
                    text = inner.ReadText(file);
                    Read[file] = text;
                    string path = inner.Describe(file);
                    if (File.Exists(path))
                    {
                        Sources[file] = Source(file, File.ReadAllBytes(path));
                    }
                }

                return text;
            }
        }

        public override string Describe(string file) => inner.Describe(file);
    }
}
