using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text.Json;
using Levy.Core.Rates;

namespace Levy.Core.Tests.Rates;

/// <summary>Every distinct text of the four rate fields over all HTS revisions in ../shared/data/hts, read once per test
/// run straight from the USITC JSON (Core has no loader; the data is never copied into the repository).</summary>
internal sealed class HtsRateTexts
{
    private static readonly Lazy<HtsRateTexts> Loaded = new(Load);

    private HtsRateTexts(int files, IReadOnlyList<HtsRateField> fields)
    {
        Files = files;
        Fields = fields;
    }

    /// <summary>The texts of all revisions, loaded on first use; skips the calling test where ../shared/data is absent (a
    /// clone without the official files; CI always has them).</summary>
    public static HtsRateTexts All
    {
        get
        {
            Assert.SkipUnless(Directory.Exists(Folder), $"This test reads every raw HTS revision, and {Folder} is absent (a clone without ../shared/data).");
            return Loaded.Value;
        }
    }

    /// <summary>The number of revision files read.</summary>
    public int Files { get; }

    /// <summary>The four fields in file order: general, special, other, additionalDuties.</summary>
    public IReadOnlyList<HtsRateField> Fields { get; }

    /// <summary>The folder holding the revision files: ../shared/data/hts beside the repository root.</summary>
    public static string Folder
    {
        get
        {
            for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Levy.slnx")))
                {
                    return Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "data", "hts"));
                }
            }

            throw new InvalidOperationException("Levy.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    private static HtsRateTexts Load()
    {
        string[] files = Directory.GetFiles(Folder, "hts_*.json.gz");
        if (files.Length == 0)
        {
            throw new InvalidOperationException("No HTS revisions in " + Folder);
        }

        HtsRateField[] fields =
        [
            new("general", RateColumn.General),
            new("special", RateColumn.Special),
            new("other", RateColumn.Other),
            new("additionalDuties", RateColumn.General),
        ];
        Parallel.ForEach(files, file => Read(file, fields));
        return new HtsRateTexts(files.Length, fields);
    }

    private static void Read(string file, HtsRateField[] fields)
    {
        byte[] json;
        using (var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress))
        using (var buffer = new MemoryStream())
        {
            gzip.CopyTo(buffer);
            json = buffer.ToArray();
        }

        string revision = Path.GetFileName(file).Replace(".json.gz", string.Empty, StringComparison.Ordinal);
        var reader = new Utf8JsonReader(json);
        string htsno = string.Empty;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 2)
            {
                continue;
            }

            if (reader.ValueTextEquals("htsno"u8))
            {
                reader.Read();
                htsno = reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty;
                continue;
            }

            foreach (HtsRateField field in fields)
            {
                if (reader.ValueTextEquals(field.Name))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && reader.GetString() is { } text && !string.IsNullOrWhiteSpace(text))
                    {
                        field.Texts.TryAdd(text, $"{revision} {htsno}");
                    }

                    break;
                }
            }
        }
    }
}

/// <summary>One rate field of the JSON: its name, the column it is parsed as, and its distinct texts, each with one
/// place where it is printed (revision and htsno, for messages).</summary>
internal sealed record HtsRateField(string Name, RateColumn Column)
{
    public ConcurrentDictionary<string, string> Texts { get; } = new(StringComparer.Ordinal);
}
