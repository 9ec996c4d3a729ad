using Levy.Data.Bundle;
using Levy.Data.Locating;
using Levy.Data.Rulebook;

namespace Levy.Data.Tests.Bundle;

/// <summary>Bundles compiled once per test run: from ../shared/data (when present), and from the embedded bundle's own
/// tables and revisions (always), both with the rulebook of this build.</summary>
internal static class CompiledBundles
{
    private static readonly Lazy<byte[]> FromSharedFolder = new(() =>
        BundleCompiler.Compile(new DataDirectory(TestData.SharedFolder, "--data-dir"), RulebookFiles.Embedded));

    private static readonly Lazy<byte[]> FromEmbeddedBundle = new(() =>
    {
        DataBundle embedded = DataBundle.Embedded!;
        return BundleCompiler.Compile(embedded.Files, RulebookFiles.Embedded, embedded.LoadRevision, embedded.Sources.Where(s => s.File.StartsWith("hts/", StringComparison.Ordinal)),
            "recompiled in a test");
    });

    /// <summary>The bytes of the embedded bundle.</summary>
    public static byte[] EmbeddedBytes()
    {
        using Stream stream = typeof(DataBundle).Assembly.GetManifestResourceStream(DataBundle.FileName)!;
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>A bundle compiled from ../shared/data; skips the test where the folder is absent.</summary>
    public static byte[] SharedFolder()
    {
        TestData.RequireSharedFolder();
        return FromSharedFolder.Value;
    }

    /// <summary>A bundle compiled from the embedded bundle's tables and revisions with this build's rulebook (what
    /// <c>levy data sync</c> does), so that its compiled rulebook is this rulebook's even when the embedded bundle is stale.</summary>
    public static byte[] Recompiled() => FromEmbeddedBundle.Value;
}
