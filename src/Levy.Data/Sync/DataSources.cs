using System.Collections.Immutable;
using System.Globalization;
using Levy.Core.Schedule;
using Levy.Data.Rulebook;

namespace Levy.Data.Sync;

/// <summary>Every file of the data layout with its official upstream URL and provenance, read from the rulebook's
/// <c>data-sources.yaml</c>.</summary>
/// <remarks>
/// <para>The HTS files are not listed one by one: the YAML gives the editions (year and last revision) and two URL
/// patterns, and the list is derived from them, one file per revision (<c>hts_2025_basic</c>, <c>hts_2025_rev_1</c>
/// ... ). Policy and trade files are listed explicitly; a file of an upstream repository gets the upstream's
/// <c>raw_base</c> (pinned to a commit) followed by its path there.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class DataSources
{
    /// <summary>The name of the sources manifest in the rulebook.</summary>
    public const string FileName = "data-sources.yaml";

    private readonly string _basicUrl, _revisionUrl;

    private DataSources(ImmutableArray<DataSource> files, Uri releaseList, string basicUrl, string revisionUrl)
    {
        Files = files;
        ReleaseList = releaseList;
        _basicUrl = basicUrl;
        _revisionUrl = revisionUrl;
    }

    /// <summary>The official URL of any HTS revision's JSON export, from the patterns of <c>hts.basic_url</c> and
    /// <c>hts.revision_url</c> (also for revisions published after the editions the file lists).</summary>
    public Uri UrlOf(HtsRevisionId revision) => new((revision.Revision is null ? _basicUrl : _revisionUrl)
        .Replace("{year}", revision.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{number}", (revision.Revision ?? 0).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

    /// <summary>Every file, HTS revisions first (in publication order), then policy and trade files in listed order.</summary>
    public ImmutableArray<DataSource> Files { get; }

    /// <summary>The USITC endpoint that lists every published HTS release.</summary>
    public Uri ReleaseList { get; }

    /// <summary>The HTS revisions the list covers, in publication order.</summary>
    public IEnumerable<HtsRevisionId> Revisions => Files.Where(f => f.Revision is not null).Select(f => f.Revision!.Value);

    /// <summary>The entry for a data-folder path (<c>policy/census_codes.csv</c>), or null.</summary>
    public DataSource? Find(string file) => Files.FirstOrDefault(f => string.Equals(f.File, file, StringComparison.Ordinal));

    /// <summary>Reads the sources manifest of a rulebook.</summary>
    /// <param name="rulebook">The rulebook; null for the embedded one.</param>
    /// <exception cref="RulebookException">The file is malformed: a missing key, an unknown upstream, a bad URL or a
    /// path listed twice.</exception>
    public static DataSources Load(RulebookFiles? rulebook = null)
    {
        SourcesFile raw = YamlRulebook.Read<SourcesFile>(rulebook ?? RulebookFiles.Embedded, FileName);
        var files = new List<DataSource>();
        HtsSection hts = raw.Hts ?? throw Problem("\"hts\" is missing");
        string pattern = Required(hts.File, "hts.file");
        string basicUrl = Required(hts.BasicUrl, "hts.basic_url");
        string revisionUrl = Required(hts.RevisionUrl, "hts.revision_url");
        foreach (EditionEntry edition in hts.Editions ?? throw Problem("\"hts.editions\" is missing"))
        {
            for (int n = 0; n <= edition.LastRevision; n++)
            {
                var id = new HtsRevisionId(edition.Year, n == 0 ? null : n);
                string url = (n == 0 ? basicUrl : revisionUrl)
                    .Replace("{year}", edition.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{number}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal); // as UrlOf
                string file = pattern.Replace("{revision}", id.ShortName, StringComparison.Ordinal);
                files.Add(new DataSource(file, DataGroup.Hts, DataFormat.HtsJson, ParseUrl(url, file), hts.Note?.Trim() ?? string.Empty)
                {
                    Revision = id,
                });
            }
        }

        Dictionary<string, UpstreamEntry> upstreams = raw.Upstreams ?? [];
        foreach (FileEntry entry in raw.Files ?? [])
        {
            string file = Required(entry.File, "file");
            DataGroup group = file.Split('/')[0] switch
            {
                "hts" => DataGroup.Hts,
                "policy" => DataGroup.Policy,
                "trade" => DataGroup.Trade,
                _ => throw Problem($"{file}: a data file lives under hts/, policy/ or trade/"),
            };

            Uri? url = null;
            if (entry.MirrorOnly)
            {
                if (entry.Url is not null || entry.Upstream is not null)
                {
                    throw Problem($"{file}: a mirror-only file has no upstream URL");
                }
            }
            else if (entry.Url is not null)
            {
                url = ParseUrl(entry.Url, file);
            }
            else
            {
                string key = entry.Upstream ?? throw Problem($"{file}: give \"upstream\" and \"path\", \"url\", or \"mirror_only: true\"");
                UpstreamEntry upstream = upstreams.GetValueOrDefault(key)
                    ?? throw Problem($"{file}: unknown upstream \"{key}\" (known: {string.Join(", ", upstreams.Keys)})");
                string rawBase = upstream.RawBase ?? throw Problem($"upstream \"{key}\" has no raw_base");
                url = ParseUrl(rawBase.TrimEnd('/') + "/" + Required(entry.Path, $"{file}: path").TrimStart('/'), file);
            }

            files.Add(new DataSource(file, group, FormatOf(file), url, entry.Note?.Trim() ?? string.Empty)
            {
                DerivedFrom = entry.DerivedFrom?.Trim(),
            });
        }

        string? twice = files.GroupBy(f => f.File, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (twice is not null)
        {
            throw Problem($"{twice} is listed twice");
        }

        return new DataSources([.. files], ParseUrl(Required(hts.ReleaseList, "hts.release_list"), "hts.release_list"), basicUrl, revisionUrl);
    }

    /// <summary>The format of a data file, from its name: <c>.json.gz</c> is an HTS export, <c>.csv</c> a table,
    /// <c>.yaml</c> a YAML document, anything else text.</summary>
    public static DataFormat FormatOf(string file) =>
        file.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase) ? DataFormat.HtsJson
        : file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? DataFormat.Csv
        : file.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) ? DataFormat.Yaml
        : DataFormat.Text;

    private static Uri ParseUrl(string text, string file) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw Problem($"{file}: \"{text}\" is not an http(s) URL");

    private static string Required(string? value, string key) =>
        string.IsNullOrWhiteSpace(value) ? throw Problem($"\"{key}\" is missing") : value.Trim();

    private static RulebookException Problem(string message) => new(FileName, 0, message);

    private sealed class SourcesFile
    {
        public Dictionary<string, UpstreamEntry>? Upstreams { get; set; }

        public HtsSection? Hts { get; set; }

        public List<FileEntry>? Files { get; set; }
    }

    private sealed class UpstreamEntry
    {
        public string? Name { get; set; }

        public string? Repository { get; set; }

        public string? Commit { get; set; }

        public string? RawBase { get; set; }

        public string? Licence { get; set; }
    }

    private sealed class HtsSection
    {
        public string? File { get; set; }

        public string? BasicUrl { get; set; }

        public string? RevisionUrl { get; set; }

        public string? ReleaseList { get; set; }

        public List<EditionEntry>? Editions { get; set; }

        public string? Note { get; set; }
    }

    private sealed class EditionEntry
    {
        public int Year { get; set; }

        public int LastRevision { get; set; }
    }

    private sealed class FileEntry
    {
        public string? File { get; set; }

        public string? Upstream { get; set; }

        public string? Path { get; set; }

        public string? Url { get; set; }

        public bool MirrorOnly { get; set; }

        public string? DerivedFrom { get; set; }

        public string? Note { get; set; }
    }
}
