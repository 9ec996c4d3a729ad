using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Levy.Data.Sync;

/// <summary>The <c>manifest.json</c> of a data folder: for each file that <c>levy data sync</c> stored, where it came
/// from, its SHA-256, its size, when it was retrieved and by which Levy.</summary>
/// <remarks>
/// <para>Format (camelCase JSON, files sorted by path):</para>
/// <code>
/// { "formatVersion": 1, "updatedAt": "2026-07-01T09:30:00+00:00", "levyVersion": "1.0.0+c35b6c4",
///   "files": [ { "file": "hts/hts_2025_basic.json.gz", "source": "https://www.usitc.gov/...", "sha256": "9f2c...",
///                "size": 713818, "retrievedAt": "2026-07-01T09:29:58+00:00", "levyVersion": "1.0.0+c35b6c4" } ] }
/// </code>
/// <para>Immutable and thread-safe; <see cref="With"/> returns a new manifest.</para>
/// </remarks>
public sealed partial class DataManifest
{
    /// <summary>The file name in the data folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>The format version written by this Levy.</summary>
    public const int CurrentFormatVersion = 1;

    // A file on disk, never HTML: keep "+" in versions and non-ASCII in paths readable.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = ManifestJsonContext.Default, // source-generated, so that the Native AOT levy can read and write it
    };

    private static JsonTypeInfo<ManifestDocument> DocumentInfo => (JsonTypeInfo<ManifestDocument>)Json.GetTypeInfo(typeof(ManifestDocument));

    private DataManifest(ImmutableSortedDictionary<string, ManifestEntry> files, DateTimeOffset? updatedAt, string? levyVersion)
    {
        Files = files;
        UpdatedAt = updatedAt;
        LevyVersion = levyVersion;
    }

    /// <summary>A manifest with no files.</summary>
    public static DataManifest Empty { get; } = new(ImmutableSortedDictionary.Create<string, ManifestEntry>(StringComparer.Ordinal), null, null);

    /// <summary>The entries, by data-folder path (<c>policy/census_codes.csv</c>).</summary>
    public ImmutableSortedDictionary<string, ManifestEntry> Files { get; }

    /// <summary>When the manifest was last written, or null for a new one.</summary>
    public DateTimeOffset? UpdatedAt { get; }

    /// <summary>The Levy that last wrote it, or null for a new one.</summary>
    public string? LevyVersion { get; }

    /// <summary>The version of this Levy, as written into manifests (the informational version of Levy.Data).</summary>
    public static string CurrentLevyVersion { get; } =
        typeof(DataManifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(DataManifest).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The entry for a file, or null.</summary>
    public ManifestEntry? Find(string file) => Files.GetValueOrDefault(file);

    /// <summary>A manifest with these entries added or replaced.</summary>
    public DataManifest With(IEnumerable<ManifestEntry> entries) =>
        new(Files.SetItems(entries.Select(e => KeyValuePair.Create(e.File, e))), UpdatedAt, LevyVersion);

    /// <summary>Reads the manifest of a data folder.</summary>
    /// <param name="path">The path of <c>manifest.json</c>.</param>
    /// <returns>The manifest, or null when the file does not exist.</returns>
    /// <exception cref="InvalidDataException">The file exists but is not a Levy manifest (corrupt, cut short, another
    /// format): the message names it and says what to do. A corrupt manifest is never taken for an absent one, which
    /// would silently switch off the hash checks.</exception>
    public static DataManifest? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        ManifestDocument? doc;
        try
        {
            doc = JsonSerializer.Deserialize(File.ReadAllBytes(path), DocumentInfo);
        }
        catch (JsonException ex)
        {
            throw Corrupt(path, $"not a Levy manifest: {ex.Message.Split(" Path:", 2)[0].TrimEnd('.')}");
        }

        if (doc?.Files is null || doc.FormatVersion != CurrentFormatVersion)
        {
            throw Corrupt(path, $"not a Levy manifest: format version {doc?.FormatVersion}, expected {CurrentFormatVersion}");
        }

        var bad = doc.Files.FirstOrDefault(e => e is null || string.IsNullOrEmpty(e.File) || string.IsNullOrEmpty(e.Sha256) || string.IsNullOrEmpty(e.Source));
        if (doc.Files.Contains(null!) || bad is not null)
        {
            throw Corrupt(path, $"an entry lacks \"file\", \"source\" or \"sha256\" ({bad?.File})");
        }

        return new DataManifest(doc.Files.ToImmutableSortedDictionary(e => e.File, e => e, StringComparer.Ordinal), doc.UpdatedAt, doc.LevyVersion);
    }

    private static InvalidDataException Corrupt(string path, string problem) =>
        new(string.Format(System.Globalization.CultureInfo.InvariantCulture, SyncErrorMessages.CorruptManifest, path, problem));

    /// <summary>Writes the manifest atomically (a temporary file in the same folder, then a rename).</summary>
    /// <param name="path">The path of <c>manifest.json</c>.</param>
    /// <param name="now">The time to record as <c>updatedAt</c>.</param>
    public void Write(string path, DateTimeOffset now)
    {
        var doc = new ManifestDocument(CurrentFormatVersion, now, CurrentLevyVersion, [.. Files.Values]);
        string temp = path + ".partial";
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(doc, DocumentInfo));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The lower-case hexadecimal SHA-256 of a file's bytes.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static string Sha256Of(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private sealed record ManifestDocument(
        int FormatVersion,
        DateTimeOffset? UpdatedAt,
        string? LevyVersion,
        List<ManifestEntry>? Files);

    /// <summary>The source-generated metadata of the manifest document.</summary>
    [JsonSerializable(typeof(ManifestDocument))]
    private sealed partial class ManifestJsonContext : JsonSerializerContext;
}
