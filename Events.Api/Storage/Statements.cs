using System.Data;
using System.Globalization;
using System.Runtime.CompilerServices;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Events.Api.Storage;

/// <summary>
/// Statements prepared once per connection and reused, for the hot paths of the writer (registration rush). Dapper
/// prepares its SQL again on every call, and on the writer that parsing cost more than running the statements.
/// Rows are still mapped by Dapper, so records and type handlers are the same as everywhere else.
/// </summary>
public static class Statements
{
    private static readonly ConditionalWeakTable<IDbConnection, Dictionary<string, SqliteCommand>> Cache = new();

    /// <summary>Runs <paramref name="sql"/> in <paramref name="tx"/>; returns the rows changed.</summary>
    public static int Run(this IDbConnection c, IDbTransaction tx, string sql, params (string Name, object? Value)[] args) =>
        Command(c, tx, sql, args).ExecuteNonQuery();

    /// <summary>The first row of <paramref name="sql"/> mapped to <typeparamref name="T"/>, or default when there is none.</summary>
    public static T? Row<T>(this IDbConnection c, IDbTransaction tx, string sql, params (string Name, object? Value)[] args)
    {
        using var reader = Command(c, tx, sql, args).ExecuteReader();
        return reader.Read() ? reader.GetRowParser<T>()(reader) : default;
    }

    private static SqliteCommand Command(IDbConnection c, IDbTransaction tx, string sql, (string Name, object? Value)[] args)
    {
        var commands = Cache.GetOrCreateValue(c);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = ((SqliteConnection)c).CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in args) command.Parameters.Add(new SqliteParameter { ParameterName = name });
            commands[sql] = command;
        }
        command.Transaction = (SqliteTransaction)tx;
        for (var i = 0; i < args.Length; i++) command.Parameters[i].Value = Value(args[i].Value);
        return command;
    }

    // Instants as the same ISO 8601 text as DapperSetup's handler writes.
    private static object Value(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        _ => value,
    };
}
