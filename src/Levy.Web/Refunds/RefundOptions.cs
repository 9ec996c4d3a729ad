using System.ComponentModel.DataAnnotations;

namespace Levy.Web.Refunds;

/// <summary>The refund page's settings, bound from the <c>Refunds</c> section and validated at start.</summary>
public sealed class RefundOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Refunds";

    /// <summary>The ledger that keeps uploads when the user asks (a SQLite path or a PostgreSQL connection string, as
    /// <c>levy refund --db</c>); null: uploads are analysed and forgotten, and asking to keep one is refused.</summary>
    public string? Ledger { get; set; }

    /// <summary>The largest upload accepted, in bytes (an ES-003 export of about 300,000 rows is 32 MB).</summary>
    [Range(1024, 512L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>How many flagged lines and deadlines an answer lists.</summary>
    [Range(1, 10_000)]
    public int ListLimit { get; set; } = 50;
}
