using System.ComponentModel.DataAnnotations;

namespace Levy.Web.Hosting;

/// <summary>The web host's settings, bound from the <c>Levy</c> section of the configuration (appsettings.json, then
/// <c>Levy__DataDir</c>-style environment variables, then <c>--Levy:DataDir=…</c> on the command line) and validated at start.</summary>
public sealed class LevyOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Levy";

    /// <summary>The data folder; null to search (<c>$LEVY_DATA</c>, <c>./data</c>, <c>../shared/data</c>).</summary>
    public string? DataDir { get; set; }

    /// <summary>Load the HTS revisions and the search index in the background at start, so that the first requests are fast.</summary>
    public bool Warmup { get; set; } = true;

    /// <summary>The most results one search may ask for.</summary>
    [Range(1, 1000)]
    public int MaxSearchResults { get; set; } = 50;

    /// <summary>The largest batch (<c>POST /api/v1/duty</c>) body accepted, in bytes.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxBatchBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>The largest request body Kestrel accepts elsewhere, in bytes.</summary>
    [Range(1024, 64L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
