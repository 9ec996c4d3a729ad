namespace Levy.Core.Calculation.Entries;

/// <summary>The kind of entry a line is filed on, where it matters for fees.</summary>
public enum EntryType
{
    /// <summary>A formal consumption entry (type 01): the ad valorem MPF with its minimum and maximum.</summary>
    Formal,

    /// <summary>An informal entry (type 11, 19 CFR 143.21): the flat informal MPF.</summary>
    Informal,
}
