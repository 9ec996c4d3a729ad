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
        bool postgres = IsConnectionString(db);
        string display;
        if (postgres)
        {
            var csb = new Npgsql.NpgsqlConnectionStringBuilder(db);
            display = $"PostgreSQL {csb.Host}:{csb.Port}/{csb.Database}";
            builder.UseNpgsql(db);
        }
        else
        {
            string path = db.StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase) ? db["Data Source=".Length..] : db;
            display = Path.GetFullPath(path);
            string? folder = Path.GetDirectoryName(display);
            if (folder is not null && !Directory.Exists(folder))
            {
                throw new LedgerException($"--db: the folder {folder} does not exist.");
            }

            builder.UseSqlite($"Data Source={path};Pooling=False");
        }

        // The migrations are written by hand, provider-neutral, without a model snapshot: the check that the model matches
        // the migrations is a test (LedgerSchemaTests), not this warning.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        var ledger = new LedgerDatabase(builder.Options, postgres, display);
        try
        {
            using LedgerContext context = ledger.CreateContext();
            context.Database.Migrate();
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            throw new LedgerException($"--db: cannot open the ledger {display}: {ex.Message}");
        }

        return ledger;
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
