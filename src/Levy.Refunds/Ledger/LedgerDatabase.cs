using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Levy.Refunds.Ledger;

/// <summary>Opens the ledger named by <c>--db</c>: a SQLite file (the default, <c>levy.db</c>) or a PostgreSQL server
/// (a connection string with <c>Host=</c>), migrated to the current version on first use.</summary>
/// <remarks>Thread-safe; each <see cref="CreateContext"/> is a new context for one unit of work.</remarks>
public sealed class LedgerDatabase
{
    /// <summary>The default SQLite file.</summary>
    public const string DefaultFile = "levy.db";

    private readonly DbContextOptions<LedgerContext> _options;

    private LedgerDatabase(DbContextOptions<LedgerContext> options, bool postgres, string display)
    {
        _options = options;
        IsPostgres = postgres;
        Display = display;
    }

    /// <summary>True for PostgreSQL, false for SQLite.</summary>
    public bool IsPostgres { get; }

    /// <summary>What to show users: the SQLite path, or the PostgreSQL host and database (never a password).</summary>
    public string Display { get; }

    /// <summary>The ledger for a <c>--db</c> value, migrated.</summary>
    /// <param name="db">A SQLite file path, or a PostgreSQL connection string (<c>Host=…;Database=…</c>); null for
    /// <see cref="DefaultFile"/>.</param>
    /// <exception cref="LedgerException">The database cannot be opened or migrated.</exception>
    public static LedgerDatabase Open(string? db)
    {
        db = string.IsNullOrWhiteSpace(db) ? DefaultFile : db.Trim();
        var builder = new DbContextOptionsBuilder<LedgerContext>();
        string display;
        string? file = SqliteFile(db);
        if (file is null)
        {
            Npgsql.NpgsqlConnectionStringBuilder csb;
            try
            {
                csb = new Npgsql.NpgsqlConnectionStringBuilder(db);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
            {
                throw new LedgerException($"--db: not a PostgreSQL connection string Levy can use ({ex.Message.TrimEnd('.')}); e.g. \"Host=localhost;Database=levy;Username=me\".");
            }

            display = $"PostgreSQL {csb.Host}:{csb.Port}/{csb.Database}";
            builder.UseNpgsql(db);
        }
        else
        {
            display = file;
            string? folder = Path.GetDirectoryName(display);
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new LedgerException($"--db: the folder {folder} does not exist.");
            }

            builder.UseSqlite($"Data Source={file};Pooling=False");
        }

        // The migrations are written by hand, provider-neutral, without a model snapshot: the check that the model matches
        // the migrations is a test (LedgerSchemaTests), not this warning.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        var ledger = new LedgerDatabase(builder.Options, file is null, display);
        try
        {
            using LedgerContext context = ledger.CreateContext();
            context.Database.Migrate();
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or ArgumentException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new LedgerException($"--db: cannot open the ledger {display}: {ex.Message}");
        }

        return ledger;
    }

    /// <summary>The full path of the SQLite file a <c>--db</c> value names (a path, or <c>Data Source=PATH</c>), or null when
    /// it is a PostgreSQL connection string.</summary>
    /// <param name="db">The value; null or blank for <see cref="DefaultFile"/>.</param>
    public static string? SqliteFile(string? db)
    {
        db = string.IsNullOrWhiteSpace(db) ? DefaultFile : db.Trim();
        if (IsConnectionString(db))
        {
            return null;
        }

        return Path.GetFullPath(db.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase) ? db["Data Source=".Length..] : db);
    }

    /// <summary>A new context.</summary>
    public LedgerContext CreateContext()
    {
        var context = new LedgerContext(_options);
        context.ChangeTracker.AutoDetectChangesEnabled = false;
        context.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return context;
    }

    private static bool IsConnectionString(string db) =>
        db.Contains("Host=", StringComparison.OrdinalIgnoreCase) || db.Contains("Server=", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The ledger cannot be opened, or refuses an operation (e.g. an entry declared twice).</summary>
public sealed class LedgerException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LedgerException(string message)
        : base(message)
    {
    }
}
