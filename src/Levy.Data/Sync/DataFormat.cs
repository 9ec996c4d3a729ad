namespace Levy.Data.Sync;

/// <summary>How a data file is checked before it replaces a stored copy; chosen from its name.</summary>
public enum DataFormat
{
    /// <summary>A USITC HTS JSON export (<c>.json.gz</c>, stored gzipped): must read as an HTS export.</summary>
    HtsJson,

    /// <summary>A CSV table: must have a header and at least one row.</summary>
    Csv,

    /// <summary>A YAML document: must parse, with a mapping or a list at the top.</summary>
    Yaml,

    /// <summary>Plain text: must be non-empty text.</summary>
    Text,
}
