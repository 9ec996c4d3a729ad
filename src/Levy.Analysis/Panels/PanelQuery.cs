using System.Collections.Immutable;
using System.Data.Common;
using DuckDB.NET.Data;

namespace Levy.Analysis.Panels;

/// <summary>The result of a SQL query: column names and rows of values.</summary>
/// <param name="Columns">The column names.</param>
/// <param name="Rows">The rows; a value is null, a number, a string, a date or a boolean.</param>
/// <param name="Truncated">True when more rows were available than the limit.</param>
public sealed record QueryResult(ImmutableArray<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated);

/// <summary>Runs SQL over panel files with DuckDB, embedded in the process (no server, no install).</summary>
/// <remarks>
/// <para>The panel is available as the view <c>panel</c> (<c>SELECT * FROM panel WHERE country = 'JP'</c>); any other
/// Parquet or CSV file can be read with DuckDB's own functions (<c>read_parquet</c>, <c>read_csv</c>). Each query runs in
/// a new in-memory database; the files are only read.</para>
/// <para>Thread-safe (no shared state).</para>
/// </remarks>
public static class PanelQuery
{
    /// <summary>Runs a query.</summary>
    /// <param name="panelPath">The panel file exposed as the view <c>panel</c>.</param>
    /// <param name="sql">The query.</param>
    /// <param name="maxRows">The most rows to return.</param>
    /// <exception cref="FileNotFoundException">The panel file does not exist.</exception>
    /// <exception cref="PanelQueryException">DuckDB rejected the query; the message is DuckDB's.</exception>
    public static QueryResult Run(string panelPath, string sql, int maxRows = 10_000)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        if (!File.Exists(panelPath))
        {
            throw new FileNotFoundException($"Panel file not found: {panelPath}. Build one with `levy panel build`.", panelPath);
        }

        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        try
        {
            using (DbCommand view = connection.CreateCommand())
            {
                view.CommandText = $"CREATE VIEW panel AS SELECT * FROM read_parquet('{Path.GetFullPath(panelPath).Replace("'", "''", StringComparison.Ordinal)}')";
                view.ExecuteNonQuery();
            }

            using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            using DbDataReader reader = command.ExecuteReader();
            ImmutableArray<string> columns = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
            var rows = new List<object?[]>();
            bool truncated = false;
            while (reader.Read())
            {
                if (rows.Count == maxRows)
                {
                    truncated = true;
                    break;
                }

                var row = new object?[reader.FieldCount];
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }

                rows.Add(row);
            }

            return new QueryResult(columns, rows, truncated);
        }
        catch (DuckDBException ex)
        {
            throw new PanelQueryException(ex.Message, ex);
        }
    }
}

/// <summary>Thrown when DuckDB rejects a query (a syntax error, an unknown column).</summary>
public sealed class PanelQueryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PanelQueryException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
