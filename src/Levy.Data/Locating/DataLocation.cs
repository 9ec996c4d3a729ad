using Levy.Data.Bundle;

namespace Levy.Data.Locating;

/// <summary>Where Levy's data comes from: a data folder, or a data bundle (synced or embedded), and the rule that chose it.</summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class DataLocation
{
    /// <summary>A data folder.</summary>
    public DataLocation(DataDirectory folder)
    {
        Folder = folder;
        Source = folder.Source;
        Notes = [];
    }

    /// <summary>A bundle.</summary>
    public DataLocation(DataBundle bundle, string source, IReadOnlyList<string>? notes = null)
    {
        Bundle = bundle;
        Source = source;
        Notes = notes ?? [];
    }

    /// <summary>The folder, or null for a bundle.</summary>
    public DataDirectory? Folder { get; }

    /// <summary>The bundle, or null for a folder.</summary>
    public DataBundle? Bundle { get; }

    /// <summary>The rule that chose it: <c>--data-dir</c>, <c>$LEVY_DATA</c>, <c>./data</c>, <c>../shared/data</c>,
    /// <see cref="DataLocator.SyncedSource"/> or <see cref="DataLocator.EmbeddedSource"/>.</summary>
    public string Source { get; }

    /// <summary>What was passed over on the way (a synced bundle of another format, or older than the embedded one).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>The folder's path or the bundle's name.</summary>
    public string Where => Folder?.Root ?? Bundle!.Name;

    /// <summary><c>/work/shared/data (../shared/data)</c>, <c>the bundle embedded in Levy.Data (embedded bundle)</c>.</summary>
    public override string ToString() => $"{Where} ({Source})";
}
