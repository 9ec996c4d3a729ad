using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.IO.Compression;
using Levy.Core.Schedule;

namespace Levy.Data.Bundle;

/// <summary>A compiled data bundle: every HTS revision (distinct lines and texts stored once), the revision catalogue, the
/// country tables, the rulebook compiled with its product lists, and the data files Levy reads, in one versioned file
/// (<c>docs/data.md</c>, "The data bundle"). One is embedded in Levy.Data; <c>levy data sync</c> writes newer ones.</summary>
/// <remarks>
/// <para>Opening reads only the header and checks its checksum and the file's length, so a truncated or damaged file is
/// named at once. Sections are read, checked against their SHA-256 and decompressed on first use, and kept; a revision
/// is decoded from the shared line table when asked for.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class DataBundle
{
    /// <summary>The name of the embedded bundle resource, and of a bundle file written by sync.</summary>
    public const string FileName = "levy-data.bundle";

    private static readonly Lazy<DataBundle?> EmbeddedBundle = new(() =>
    {
        Stream? stream = typeof(DataBundle).Assembly.GetManifestResourceStream(FileName);
        return stream is null ? null : new DataBundle(stream, "the bundle embedded in Levy.Data", null);
    });

    private readonly Stream _stream;
    private readonly object _gate = new();
    private readonly long _payloadStart;
    private readonly Dictionary<string, BundleSection> _sections;
    private readonly ConcurrentDictionary<string, Lazy<byte[]>> _raw = new(StringComparer.Ordinal);
    private readonly Lazy<ScheduleStore> _store;
    private readonly Lazy<BundleFiles> _files;

    private DataBundle(Stream stream, string name, string? path)
    {
        _stream = stream;
        Name = name;
        Path = path;
        long length = stream.Length;
        Span<byte> preamble = stackalloc byte[BundleImage.PreambleLength];
        if (length < BundleImage.PreambleLength || ReadAt(0, preamble) < preamble.Length || !preamble[..8].SequenceEqual(BundleImage.Magic))
        {
            throw new InvalidBundleException(name, "not a Levy data bundle (it does not start with LEVYDATA)");
        }

        FormatVersion = (int)BinaryPrimitives.ReadUInt32LittleEndian(preamble[8..]);
        if (FormatVersion != BundleImage.FormatVersion)
        {
            throw new InvalidBundleException(name, $"bundle format {FormatVersion}, but this Levy reads format {BundleImage.FormatVersion} only; "
                + "run `levy data sync` (or `levy data compile`) to write a bundle in the current format");
        }

        uint headerLength = BinaryPrimitives.ReadUInt32LittleEndian(preamble[12..]);
        long headerEnd = BundleImage.PreambleLength + (long)headerLength;
        if (headerEnd + BundleImage.ChecksumLength > length)
        {
            throw new InvalidBundleException(name, $"the file is truncated: {length:N0} bytes, shorter than its own header ({headerEnd + BundleImage.ChecksumLength:N0} bytes)");
        }

        byte[] head = new byte[headerEnd + BundleImage.ChecksumLength];
        ReadAt(0, head);
        if (!BundleImage.Checksum(head.AsSpan(0, (int)headerEnd)).AsSpan().SequenceEqual(head.AsSpan((int)headerEnd)))
        {
            throw new InvalidBundleException(name, "the header is corrupt (its checksum does not match)");
        }

        var r = new BundleReader(head, name, "header", BundleImage.PreambleLength);
        Description = r.String();
        NewestRevision = HtsRevisionId.TryParse(r.String(), out HtsRevisionId newest) ? newest : throw r.Corrupt("the newest revision is not a revision");
        RulebookFingerprint = r.String();
        int sourceCount = r.Count(100_000);
        var sources = ImmutableArray.CreateBuilder<BundleSource>(sourceCount);
        for (int i = 0; i < sourceCount; i++)
        {
            sources.Add(new BundleSource(r.String(), (long)r.UInt(), r.String()));
        }

        Sources = sources.MoveToImmutable();
        int sectionCount = r.Count(100_000);
        _sections = new Dictionary<string, BundleSection>(sectionCount, StringComparer.Ordinal);
        var ordered = ImmutableArray.CreateBuilder<BundleSection>(sectionCount);
        long expected = headerEnd + BundleImage.ChecksumLength;
        for (int i = 0; i < sectionCount; i++)
        {
            var section = new BundleSection(r.String(), (long)r.UInt(), r.Count(), r.Count(), BundleImage.Hex(r.Bytes(BundleImage.ChecksumLength)));
            _sections[section.Name] = section;
            ordered.Add(section);
            expected = Math.Max(expected, headerEnd + BundleImage.ChecksumLength + section.Offset + section.StoredLength);
        }

        Sections = ordered.MoveToImmutable();
        if (r.Position != headerEnd)
        {
            throw new InvalidBundleException(name, "the header is corrupt (its length does not match its content)");
        }

        if (length < expected)
        {
            throw new InvalidBundleException(name, $"the file is truncated: {length:N0} bytes of {expected:N0}");
        }

        if (length > expected)
        {
            throw new InvalidBundleException(name, $"the file is corrupt: {length - expected:N0} bytes follow the last section");
        }

        _payloadStart = headerEnd + BundleImage.ChecksumLength;
        StoredLength = length;
        _store = new Lazy<ScheduleStore>(() => new ScheduleStore(Section("texts"), Section("lines")));
        _files = new Lazy<BundleFiles>(() => new BundleFiles(this));
        Revisions = [.. Sections.Where(s => s.Name.StartsWith(RevisionPrefix, StringComparison.Ordinal))
            .Select(s => HtsRevisionId.Parse(s.Name[RevisionPrefix.Length..])).Order()];
    }

    private const string RevisionPrefix = "revision/";

    /// <summary>The bundle embedded in Levy.Data, or null when this build carries none.</summary>
    /// <exception cref="InvalidBundleException">The embedded bundle is damaged (a broken build).</exception>
    public static DataBundle? Embedded => EmbeddedBundle.Value;

    /// <summary>Opens a bundle file. The file stays open for the life of the bundle (sections are read when used).</summary>
    /// <exception cref="InvalidBundleException">The file is not a bundle, is truncated or damaged, or is of another format.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static DataBundle Open(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 4096, FileOptions.RandomAccess);
        try
        {
            return new DataBundle(stream, full, full);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a bundle from bytes (tests, and a bundle just compiled).</summary>
    /// <exception cref="InvalidBundleException">The bytes are not a valid bundle.</exception>
    public static DataBundle FromBytes(byte[] bytes, string name) => new(new MemoryStream(bytes, writable: false), name, null);

    /// <summary>What the bundle is, for messages: its path, or "the bundle embedded in Levy.Data".</summary>
    public string Name { get; }

    /// <summary>The file, or null for the embedded bundle.</summary>
    public string? Path { get; }

    /// <summary>The format version.</summary>
    public int FormatVersion { get; }

    /// <summary>How it was made (<c>levy data compile</c> from which folder, or <c>levy data sync</c> and when).</summary>
    public string Description { get; }

    /// <summary>The newest HTS revision it holds.</summary>
    public HtsRevisionId NewestRevision { get; }

    /// <summary>The HTS revisions it holds, in publication order.</summary>
    public ImmutableArray<HtsRevisionId> Revisions { get; }

    /// <summary>The fingerprint of the rulebook its compiled rulebook was built from (<see cref="Rulebook.RulebookFiles.Fingerprint"/>).</summary>
    public string RulebookFingerprint { get; }

    /// <summary>The input files, with size and SHA-256.</summary>
    public ImmutableArray<BundleSource> Sources { get; }

    /// <summary>The sections.</summary>
    public ImmutableArray<BundleSection> Sections { get; }

    /// <summary>The size of the bundle in bytes.</summary>
    public long StoredLength { get; }

    /// <summary>True when the bundle holds this revision.</summary>
    public bool HasRevision(HtsRevisionId revision) => _sections.ContainsKey(RevisionPrefix + revision.ShortName);

    /// <summary>Decodes one revision.</summary>
    /// <exception cref="KeyNotFoundException">The bundle does not hold it.</exception>
    /// <exception cref="InvalidBundleException">A section it needs is damaged.</exception>
    public TariffSchedule LoadRevision(HtsRevisionId revision)
    {
        string name = RevisionPrefix + revision.ShortName;
        if (!_sections.ContainsKey(name))
        {
            throw new KeyNotFoundException($"{Name} holds no HTS {revision}; it holds {Revisions[0]} to {NewestRevision}.");
        }

        return _store.Value.Revision(revision, Section(name));
    }

    /// <summary>The data files the bundle carries (the policy and trade tables Levy reads), read on first use.</summary>
    public Locating.DataFiles Files => _files.Value;

    /// <summary>The revision catalogue compiled into the bundle.</summary>
    internal RevisionCatalogue ReadCatalogue() => RulebookCodec.ReadCatalogue(Section("catalogue"));

    /// <summary>The country directory compiled into the bundle.</summary>
    internal Levy.Core.Countries.CountryDirectory ReadCountries() => RulebookCodec.ReadCountries(Section("countries"));

    /// <summary>The legal timeline compiled into the bundle (also part of the policy; read alone by the commands that only
    /// need to know which revision governs a date).</summary>
    internal Levy.Core.Measures.LegalTimeline ReadTimeline() => RulebookCodec.ReadTimeline(Section("timeline"));

    /// <summary>The policy rulebook compiled into the bundle.</summary>
    internal Rulebook.PolicyRulebook ReadPolicy() => RulebookCodec.ReadPolicy(Section("policy"));

    /// <summary>The ready-made search index of a revision loaded from this bundle, or null when the bundle has none for it
    /// (it has one for the newest revision).</summary>
    /// <exception cref="InvalidBundleException">Its section is damaged.</exception>
    public Levy.Core.Search.ScheduleSearchIndex? SearchIndex(TariffSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        string name = BundleCompiler.SearchPrefix + schedule.Revision.ShortName;
        return _sections.ContainsKey(name) ? SearchIndexCodec.Read(Section(name), schedule) : null;
    }

    /// <summary>The number of distinct lines over all revisions.</summary>
    public int DistinctLines => _store.Value.LineCount;

    /// <summary>Reads, checks and decompresses every section; the first damaged one is reported.</summary>
    /// <exception cref="InvalidBundleException">A section is damaged.</exception>
    public void Verify()
    {
        foreach (BundleSection s in Sections)
        {
            Section(s.Name);
        }

        _ = _store.Value;
    }

    /// <summary>True when the bundle has a section of this name.</summary>
    internal bool Has(string name) => _sections.ContainsKey(name);

    /// <summary>A section, checked and decompressed (once).</summary>
    /// <exception cref="InvalidBundleException">It is missing or damaged.</exception>
    internal BundleReader Section(string name)
    {
        if (!_sections.TryGetValue(name, out BundleSection? section))
        {
            throw new InvalidBundleException(Name, $"section {name} is missing");
        }

        Lazy<byte[]> lazy = _raw.GetOrAdd(name, _ => new Lazy<byte[]>(() => Decompress(section)));
        return new BundleReader(lazy.Value, Name, name);
    }

    private byte[] Decompress(BundleSection section)
    {
        byte[] stored = new byte[section.StoredLength];
        if (ReadAt(_payloadStart + section.Offset, stored) < stored.Length)
        {
            throw new InvalidBundleException(Name, $"section {section.Name} is truncated");
        }

        if (BundleImage.Hex(BundleImage.Checksum(stored)) != section.Checksum)
        {
            throw new InvalidBundleException(Name, $"section {section.Name} is corrupt (its checksum does not match the header)");
        }

        byte[] raw = new byte[section.Length];
        if (!BrotliDecoder.TryDecompress(stored, raw, out int written) || written != raw.Length)
        {
            throw new InvalidBundleException(Name, $"section {section.Name} does not decompress to its recorded {section.Length:N0} bytes");
        }

        return raw;
    }

    private int ReadAt(long offset, Span<byte> buffer)
    {
        lock (_gate)
        {
            _stream.Position = offset;
            return _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
    }

    /// <summary>The <c>files</c> section: the count, then each file's path and text.</summary>
    private sealed class BundleFiles : Locating.DataFiles
    {
        private readonly DataBundle _bundle;
        private readonly Lazy<Dictionary<string, string>> _texts;

        public BundleFiles(DataBundle bundle)
        {
            _bundle = bundle;
            _texts = new(() =>
            {
                BundleReader r = bundle.Section("files");
                int n = r.Count(100_000);
                var texts = new Dictionary<string, string>(n, StringComparer.Ordinal);
                for (int i = 0; i < n; i++)
                {
                    texts[r.String()] = r.String();
                }

                return texts;
            });
        }

        public override string Origin => _bundle.Name;

        public IEnumerable<string> Names => _texts.Value.Keys;

        public override bool Exists(string file) => _texts.Value.ContainsKey(file);

        public override string ReadText(string file) =>
            _texts.Value.TryGetValue(file, out string? text) ? text : throw new FileNotFoundException($"{Describe(file)} is not there.", file);

        public override string Describe(string file) => $"{file} in {_bundle.Name}";
    }

    /// <summary>The name and newest revision.</summary>
    public override string ToString() => $"{Name} (format {FormatVersion}, {Revisions.Length} revisions to {NewestRevision})";
}
