using System.Text;
using Levy.Core.Schedule;
using Levy.Data.Locating;
using Levy.Data.Rulebook;
using Levy.Data.Sync;

namespace Levy.Data.Tests.Sync.Support;

/// <summary>A temporary world for sync tests: a rulebook (the repository's, with a small <c>data-sources.yaml</c> of
/// five files), the bytes each upstream serves, a mirror folder laid out like a data folder, and an empty target.</summary>
internal sealed class SyncFixture : IDisposable
{
    public const string SourcesYaml = """
        upstreams:
          yale:
            name: a test upstream
            raw_base: https://raw.githubusercontent.com/example/tracker/0123456789abcdef0123456789abcdef01234567/
        hts:
          file: hts/hts_{revision}.json.gz
          basic_url: https://www.usitc.gov/sites/default/files/tata/hts/hts_{year}_basic_edition_json.json
          revision_url: https://www.usitc.gov/sites/default/files/tata/hts/hts_{year}_revision_{number}_json.json
          release_list: https://hts.usitc.gov/reststop/releaseList
          editions:
            - year: 2025
              last_revision: 1
          note: test revisions
        files:
          - file: policy/revision_dates.csv
            upstream: yale
            path: config/revision_dates.csv
            note: test table
          - file: policy/policy_params.yaml
            upstream: yale
            path: config/policy_params.yaml
            note: test parameters
          - file: policy/tpc_notes.txt
            upstream: yale
            path: data/tpc/tpc_notes.txt
            note: test text
          - file: trade/annex_rates.csv
            mirror_only: true
            derived_from: written by hand for the tests
            note: test mirror-only table
        """;

    public const string RevisionDates = """
        revision,effective_date,policy_effective_date,tpc_date,policy_event,tpc_policy_revision,needs_review
        basic,2025-01-01,NA,NA,Baseline,NA,N
        rev_1,2025-01-20,NA,NA,Test revision,NA,N

        """;

    public SyncFixture()
    {
        Root = Directory.CreateTempSubdirectory("levy-sync-").FullName;
        RulebookFolder = Path.Combine(Root, "rulebook");
        Directory.CreateDirectory(RulebookFolder);
        foreach (string file in Directory.EnumerateFiles(Path.Combine(DataLocator.FindRepositoryRoot(AppContext.BaseDirectory)!, "rulebook")))
        {
            File.Copy(file, Path.Combine(RulebookFolder, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(RulebookFolder, DataSources.FileName), SourcesYaml);

        // The tiny world defines no product lists: its policy_params.yaml is a stand-in that no list could be read from,
        // and sync reads every file with the rulebook's own readers before it accepts it (DataFileCheck).
        File.WriteAllText(Path.Combine(RulebookFolder, "product-lists.yaml"), "lists: {}\n");
        Rulebook = RulebookFiles.FromFolder(RulebookFolder);
        Sources = DataSources.Load(Rulebook);
        Mirror = Path.Combine(Root, "mirror");
        Target = Path.Combine(Root, "data");
        Served = new Dictionary<string, byte[]>
        {
            ["hts/hts_2025_basic.json.gz"] = TinyHts.Bytes("2.5%"),
            ["hts/hts_2025_rev_1.json.gz"] = TinyHts.Bytes("3%"),
            ["policy/revision_dates.csv"] = Encoding.UTF8.GetBytes(RevisionDates),
            ["policy/policy_params.yaml"] = Encoding.UTF8.GetBytes("# test parameters\nseries_horizon:\n  end_date: 2026-12-31\neu27_codes: ['4280', '4279']\n"),
            ["policy/tpc_notes.txt"] = Encoding.Latin1.GetBytes("A note with a cent sign: 14.27\u00A2/kg.\n"),
            ["trade/annex_rates.csv"] = Encoding.UTF8.GetBytes("iso2,country,annex_i_rate_pct\nLS,Lesotho,50\n"),
        };
    }

    public string Root { get; }

    public string RulebookFolder { get; }

    public RulebookFiles Rulebook { get; }

    public DataSources Sources { get; }

    /// <summary>A folder laid out like a data folder (HTS files gzipped); call <see cref="BuildMirror"/> first.</summary>
    public string Mirror { get; }

    /// <summary>The data folder to fill (not created).</summary>
    public string Target { get; }

    /// <summary>What each upstream serves, by data-folder path (HTS as plain JSON, as USITC serves it).</summary>
    public Dictionary<string, byte[]> Served { get; }

    public static HtsRevisionId Basic { get; } = new(2025, null);

    public static HtsRevisionId Rev1 { get; } = new(2025, 1);

    public DataSource Source(string file) => Sources.Find(file) ?? throw new ArgumentException(file);

    public Uri UrlOf(string file) => Source(file).Url!;

    public string TargetPath(string file) => Source(file).PathUnder(Target);

    /// <summary>Serves every non-mirror-only file as its upstream would.</summary>
    public void ServeAll(MirrorServer server)
    {
        foreach (DataSource source in Sources.Files.Where(s => !s.MirrorOnly))
        {
            server.Serve(source.Url!, Reply.Ok(Served[source.File]));
        }
    }

    public SyncOptions Options(MirrorServer server) => new() { Target = Target, BaseUrl = server.BaseUrl, Parallelism = 2 };

    public void BuildMirror()
    {
        foreach ((string file, byte[] bytes) in Served)
        {
            string path = Source(file).PathUnder(Mirror);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, file.EndsWith(".json.gz", StringComparison.Ordinal) ? TinyHts.Gzip(bytes) : bytes);
        }
    }

    public DataSync CreateSync(TimeProvider? clock = null) => new(Sources, new LoopbackOnlyHandler(), clock, Rulebook);

    public DataDirectory TargetDirectory => new(Target, "--data-dir");

    /// <summary>Temporary files left in the target (there must be none after a sync).</summary>
    public IEnumerable<string> Leftovers =>
        Directory.Exists(Target) ? Directory.EnumerateFiles(Target, "*.partial", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
