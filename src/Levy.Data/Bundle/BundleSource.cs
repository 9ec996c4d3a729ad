namespace Levy.Data.Bundle;

/// <summary>An input file a bundle was compiled from, as recorded in its header.</summary>
/// <param name="File">The path in the data layout (<c>hts/hts_2025_basic.json.gz</c>, <c>policy/…</c>), or
/// <c>rulebook/…</c> for a rulebook file.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">The lower-case hex SHA-256 of its bytes.</param>
public sealed record BundleSource(string File, long Size, string Sha256);

/// <summary>A section of a bundle, as listed in its header.</summary>
/// <param name="Name">The name (<c>texts</c>, <c>lines</c>, <c>revision/2026_rev_10</c>, <c>policy</c>…).</param>
/// <param name="Offset">Where its stored bytes start, counted from the first byte after the header.</param>
/// <param name="StoredLength">Its size as stored (Brotli-compressed).</param>
/// <param name="Length">Its size once decompressed.</param>
/// <param name="Checksum">The XxHash128 of the stored bytes, in hex.</param>
public sealed record BundleSection(string Name, long Offset, int StoredLength, int Length, string Checksum);
