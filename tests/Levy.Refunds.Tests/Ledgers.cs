using Levy.Refunds.Ledger;
using Npgsql;

namespace Levy.Refunds.Tests;

/// <summary>Fresh ledgers for tests: a SQLite file in a temporary folder, or a PostgreSQL database of its own on the server
/// named by <c>LEVY_TEST_POSTGRES</c> (a connection string without a database; <c>.ci/run</c> starts the server and sets it).
/// Without the variable the PostgreSQL tests report themselves skipped with the reason, unless <c>LEVY_REQUIRE_POSTGRES=1</c>
/// (CI), where they fail.</summary>
public static class Ledgers
{
    internal const string PostgresVariable = "LEVY_TEST_POSTGRES";

    public static readonly TheoryData<string> Providers = new() { "sqlite", "postgres" };

    /// <summary>A new, empty, migrated ledger; disposing it drops a PostgreSQL database.</summary>
    public static TestLedger Create(string provider) => provider switch
    {
        "sqlite" => new TestLedger(LedgerDatabase.Open(Path.Combine(RefundData.TempFolder("ledger"), "levy.db")), null, null),
        "postgres" => CreatePostgres(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    private static TestLedger CreatePostgres()
    {
        string? server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            string reason = $"PostgreSQL tests need {PostgresVariable} (a connection string to a server, e.g. Host=127.0.0.1;Port=55432;Username=postgres); .ci/run starts one and sets it.";
            if (Environment.GetEnvironmentVariable("LEVY_REQUIRE_POSTGRES") == "1")
            {
                Assert.Fail(reason + " LEVY_REQUIRE_POSTGRES=1 makes its absence a failure.");
            }

            Assert.Skip(reason);
        }

        string name = "levy_test_" + Guid.NewGuid().ToString("N")[..16];
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        var own = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestLedger(LedgerDatabase.Open(own.ConnectionString), admin.ConnectionString, name);
    }
}

/// <summary>A ledger of one test.</summary>
public sealed class TestLedger(LedgerDatabase database, string? adminConnection, string? databaseName) : IDisposable
{
    public LedgerDatabase Database { get; } = database;

    public void Dispose()
    {
        if (adminConnection is null)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(adminConnection);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{databaseName}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}
