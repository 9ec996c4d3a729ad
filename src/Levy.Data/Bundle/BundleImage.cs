using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Levy.Core.Schedule;

namespace Levy.Data.Bundle;

/// <summary>The byte layout of a bundle file (format version <see cref="FormatVersion"/>), written by
/// <see cref="Builder.Write"/> and checked by <see cref="DataBundle"/>.</summary>
/// <remarks>
/// <code>
/// bytes 0-7     "LEVYDATA"
/// bytes 8-11    format version (uint32, little-endian)
/// bytes 12-15   header length H (uint32, little-endian)
/// 16 .. 16+H    header: description, newest revision, rulebook fingerprint, the source files (path, size, SHA-256),
///               the sections (name, offset, stored length, length, XxHash128 of the stored bytes)
/// next 16       XxHash128 of bytes 0 .. 16+H (the header checksum)
/// then          the sections' stored bytes, one after the other, each compressed on its own with Brotli
/// </code>
/// Each section is compressed separately, so that Levy decompresses only what a question needs (the texts and lines, and
/// the one revision that governs the date). The same inputs always give the same bytes: nothing in the file depends on
/// the time, the machine or the order of a hash table. Checksums are XxHash128 (System.IO.Hashing), which detects damage
/// as well as a cryptographic hash does for this purpose and costs nothing at start-up; the SHA-256 of every source file is
/// recorded for provenance.
/// </remarks>
internal static class BundleImage
{
    /// <summary>The format this Levy writes and reads.</summary>
    public const int FormatVersion = 2;

    /// <summary>The first eight bytes of every bundle.</summary>
    public static ReadOnlySpan<byte> Magic => "LEVYDATA"u8;

    /// <summary>Bytes before the header: magic, version, header length.</summary>
    public const int PreambleLength = 16;

    /// <summary>The length of a checksum (XxHash128).</summary>
    public const int ChecksumLength = 16;

    /// <summary>The checksum of bytes.</summary>
    public static byte[] Checksum(ReadOnlySpan<byte> bytes) => XxHash128.Hash(bytes);

    private const int BrotliQuality = 9, BrotliWindow = 22;

    /// <summary>The parts of a bundle before it is laid out.</summary>
    internal sealed class Builder
    {
        private readonly List<(string Name, byte[] Stored, int Length)> _sections = [];

        /// <summary>Compresses and adds a section.</summary>
        public void Add(string name, ReadOnlySpan<byte> raw)
        {
            byte[] buffer = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
            if (!BrotliEncoder.TryCompress(raw, buffer, out int written, BrotliQuality, BrotliWindow))
            {
                throw new InvalidOperationException($"Brotli could not compress section {name}.");
            }

            _sections.Add((name, buffer[..written], raw.Length));
        }

        /// <summary>Lays the bundle out.</summary>
        public byte[] Write(string description, HtsRevisionId newest, string rulebookFingerprint, IEnumerable<BundleSource> sources)
        {
            var header = new BundleWriter();
            header.String(description);
            header.String(newest.ShortName);
            header.String(rulebookFingerprint);
            List<BundleSource> files = [.. sources.OrderBy(s => s.File, StringComparer.Ordinal)];
            header.Count(files.Count);
            foreach (BundleSource s in files)
            {
                header.String(s.File);
                header.UInt((ulong)s.Size);
                header.String(s.Sha256);
            }

            header.Count(_sections.Count);
            long offset = 0;
            foreach ((string name, byte[] stored, int length) in _sections)
            {
                header.String(name);
                header.UInt((ulong)offset);
                header.Count(stored.Length);
                header.Count(length);
                header.Bytes(Checksum(stored));
                offset += stored.Length;
            }

            var output = new MemoryStream();
            Span<byte> preamble = stackalloc byte[PreambleLength];
            Magic.CopyTo(preamble);
            BinaryPrimitives.WriteUInt32LittleEndian(preamble[8..], FormatVersion);
            BinaryPrimitives.WriteUInt32LittleEndian(preamble[12..], (uint)header.Length);
            output.Write(preamble);
            output.Write(header.Written);
            output.Write(Checksum(output.GetBuffer().AsSpan(0, (int)output.Length)));
            foreach ((_, byte[] stored, _) in _sections)
            {
                output.Write(stored);
            }

            return output.ToArray();
        }
    }

    /// <summary>Lower-case hex.</summary>
    public static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>The SHA-256 of a byte span, in lower-case hex.</summary>
    public static string Sha256(ReadOnlySpan<byte> bytes) => Hex(SHA256.HashData(bytes));

    /// <summary>The combined fingerprint (XxHash128) of named files (the rulebook), independent of their order.</summary>
    public static string FingerprintOf(IEnumerable<(string Name, byte[] Content)> files)
    {
        var hash = new XxHash128();
        foreach ((string name, byte[] content) in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            hash.Append(Encoding.UTF8.GetBytes(name));
            hash.Append([0]);
            hash.Append(BitConverter.GetBytes((long)content.Length));
            hash.Append(content);
        }

        return Hex(hash.GetCurrentHash());
    }
}
