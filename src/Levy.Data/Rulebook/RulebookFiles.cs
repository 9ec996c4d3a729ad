using System.Reflection;

namespace Levy.Data.Rulebook;

/// <summary>The rulebook files (the repository's <c>rulebook/</c> folder), compiled into this assembly, or read from a
/// folder given explicitly (to try an edited rulebook without rebuilding).</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class RulebookFiles
{
    private readonly string? _folder;

    private RulebookFiles(string? folder) => _folder = folder;

    /// <summary>The rulebook compiled into Levy.</summary>
    public static RulebookFiles Embedded { get; } = new(null);

    /// <summary>A rulebook read from <paramref name="folder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static RulebookFiles FromFolder(string folder) =>
        Directory.Exists(folder) ? new RulebookFiles(Path.GetFullPath(folder)) : throw new DirectoryNotFoundException($"Rulebook folder not found: {folder}");

    /// <summary>Where the files come from, for <c>levy data info</c>.</summary>
    public string Origin => _folder ?? "embedded in Levy.Data";

    /// <summary>The text of a rulebook file, e.g. <c>revisions.yaml</c>.</summary>
    /// <exception cref="FileNotFoundException">The file is not in the rulebook.</exception>
    public string ReadText(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }

    /// <summary>The bytes of a rulebook file.</summary>
    /// <exception cref="FileNotFoundException">The file is not in the rulebook.</exception>
    public byte[] ReadBytes(string name)
    {
        using Stream stream = Open(name);
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The combined fingerprint (XxHash128) of every file of the rulebook, names and contents, in hex: what a
    /// data bundle records of the rulebook it compiled, so that a bundle compiled from another rulebook is not used as if
    /// it were this one.</summary>
    public string Fingerprint => _fingerprint ??= Bundle.BundleImage.FingerprintOf(Names.Select(n => (n.Replace('\\', '/'), ReadBytes(n))));

    private string? _fingerprint;

    private Stream Open(string name)
    {
        if (_folder is not null)
        {
            string path = Path.Combine(_folder, name);
            return File.Exists(path) ? File.OpenRead(path) : throw new FileNotFoundException($"Rulebook file not found: {path}", path);
        }

        return typeof(RulebookFiles).Assembly.GetManifestResourceStream("rulebook/" + name)
            ?? throw new FileNotFoundException($"Rulebook file {name} is not embedded in Levy.Data.", name);
    }

    /// <summary>The names of the files in the rulebook.</summary>
    public IEnumerable<string> Names => _folder is not null
        ? Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_folder, f))
        : typeof(RulebookFiles).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("rulebook/", StringComparison.Ordinal)).Select(n => n["rulebook/".Length..]);
}
