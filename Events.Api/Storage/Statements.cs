using System.Data;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Events.Api.Storage;

/// <summary>
/// Statements prepared once per connection and reused, for the hot paths of the writer (registration and door rushes).
/// The one SQLite-specific way in: stores call <c>Run</c> and <c>Row</c> inside <c>Db.WriteAsync</c> like any other
/// SQL, and nothing outside <c>Storage/</c> sees SQLite's types. Use them only where a profile shows the need; plain
/// Dapper everywhere else.
/// A profile of the door rush showed the ADO.NET layer costing more than SQLite itself: Dapper prepares its SQL
/// again on every call, Microsoft.Data.Sqlite looks every parameter up by name on every call, and Dapper reads
/// column names again to find its row mapper. Here a statement is prepared once, parameters are bound by the index
/// found at preparation, and a row is mapped by a plan made once per statement: columns are matched to the
/// record's constructor parameters by name (snake_case to PascalCase, as <see cref="DapperSetup"/> does).
/// </summary>
public static class Statements
{
    private static readonly ConditionalWeakTable<IDbConnection, Dictionary<string, Prepared>> Cache = new();

    /// <summary>Runs <paramref name="sql"/> in <paramref name="tx"/>; returns the rows changed.</summary>
    public static int Run(this IDbConnection c, IDbTransaction tx, string sql, params (string Name, object? Value)[] args)
    {
        var statement = Statement(c, tx, sql, args);
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement.Handle)) == raw.SQLITE_ROW) { }
            statement.Check(rc);
            return raw.sqlite3_changes(statement.Db);
        }
        finally { raw.sqlite3_reset(statement.Handle); }
    }

    /// <summary>The first row of <paramref name="sql"/> mapped to <typeparamref name="T"/>, or default when there is none.</summary>
    public static T? Row<T>(this IDbConnection c, IDbTransaction tx, string sql, params (string Name, object? Value)[] args)
    {
        var statement = Statement(c, tx, sql, args);
        try
        {
            var rc = raw.sqlite3_step(statement.Handle);
            if (rc != raw.SQLITE_ROW)
            {
                statement.Check(rc);
                return default;
            }
            var row = (T)statement.Map(typeof(T));
            while ((rc = raw.sqlite3_step(statement.Handle)) == raw.SQLITE_ROW) { } // e.g. the rest of an UPDATE … RETURNING
            statement.Check(rc);
            return row;
        }
        finally { raw.sqlite3_reset(statement.Handle); }
    }

    private static Prepared Statement(IDbConnection c, IDbTransaction tx, string sql, (string Name, object? Value)[] args)
    {
        if (tx.Connection != c) throw new InvalidOperationException("The transaction belongs to another connection.");
        if (c is not SqliteConnection { Handle: { } handle })
            throw new InvalidOperationException("Prepared statements run on the writer's open SQLite connection only (inside Db.WriteAsync).");
        var statements = Cache.GetOrCreateValue(c);
        if (!statements.TryGetValue(sql, out var statement))
            statements[sql] = statement = new Prepared(handle, sql, args.Select(a => a.Name).ToArray());
        for (var i = 0; i < args.Length; i++) statement.Bind(i, args[i].Value);
        return statement;
    }

    private sealed class Prepared
    {
        public readonly sqlite3 Db;
        public readonly sqlite3_stmt Handle;
        private readonly int[] _indexes;
        private Func<sqlite3_stmt, object>? _map;

        public Prepared(sqlite3 db, string sql, string[] names)
        {
            Db = db;
            var rc = raw.sqlite3_prepare_v2(db, sql, out Handle, out var tail);
            SqliteException.ThrowExceptionForRC(rc, db);
            if (!string.IsNullOrWhiteSpace(tail)) throw new ArgumentException("One statement at a time.", nameof(sql));
            _indexes = names.Select(n => raw.sqlite3_bind_parameter_index(Handle, n) is > 0 and var i ? i
                : throw new ArgumentException($"No parameter {n} in: {sql}", nameof(names))).ToArray();
        }

        public void Bind(int arg, object? value)
        {
            var i = _indexes[arg];
            var rc = value switch
            {
                null => raw.sqlite3_bind_null(Handle, i),
                string s => raw.sqlite3_bind_text(Handle, i, s),
                long l => raw.sqlite3_bind_int64(Handle, i, l),
                int n => raw.sqlite3_bind_int64(Handle, i, n),
                bool b => raw.sqlite3_bind_int64(Handle, i, b ? 1 : 0),
                double d => raw.sqlite3_bind_double(Handle, i, d),
                DateTimeOffset t => raw.sqlite3_bind_text(Handle, i, SqlConventions.WriteInstant(t)),
                _ => throw new ArgumentException($"Unsupported parameter type {value.GetType()}."),
            };
            SqliteException.ThrowExceptionForRC(rc, Db);
        }

        public void Check(int rc)
        {
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, Db);
        }

        public object Map(Type type) => (_map ??= Mapper(type))(Handle);

        /// <summary>How a row becomes a <paramref name="type"/>: a single value, a tuple by position, or a record by names.</summary>
        private Func<sqlite3_stmt, object> Mapper(Type type)
        {
            if (Reader(type) is { } single) return s => single(s, 0)!;
            var constructor = type.GetConstructors().OrderByDescending(k => k.GetParameters().Length).First();
            var parameters = constructor.GetParameters();
            var columns = Enumerable.Range(0, raw.sqlite3_column_count(Handle))
                .ToDictionary(i => SqlConventions.MemberKey(raw.sqlite3_column_name(Handle, i).utf8_to_string()), i => i);
            var positional = type.IsValueType && type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal);
            var sources = parameters.Select((p, i) => positional ? i
                : columns.TryGetValue(SqlConventions.MemberKey(p.Name!), out var column) ? column
                : throw new InvalidOperationException($"No column for {type.Name}.{p.Name}.")).ToArray();
            var readers = parameters.Select(p => Reader(p.ParameterType) ?? throw new InvalidOperationException($"Cannot read {p.ParameterType}.")).ToArray();
            return s =>
            {
                var values = new object?[parameters.Length];
                for (var i = 0; i < values.Length; i++) values[i] = readers[i](s, sources[i]);
                return constructor.Invoke(values);
            };
        }

        private static Func<sqlite3_stmt, int, object?>? Reader(Type type)
        {
            var nullable = Nullable.GetUnderlyingType(type);
            var inner = nullable ?? type;
            Func<sqlite3_stmt, int, object?>? read =
                inner == typeof(long) ? (s, i) => raw.sqlite3_column_int64(s, i)
                : inner == typeof(int) ? (s, i) => (int)raw.sqlite3_column_int64(s, i)
                : inner == typeof(bool) ? (s, i) => raw.sqlite3_column_int64(s, i) != 0
                : inner == typeof(double) ? (s, i) => raw.sqlite3_column_double(s, i)
                : inner == typeof(string) ? (s, i) => raw.sqlite3_column_text(s, i).utf8_to_string()
                : inner == typeof(DateTimeOffset) ? (s, i) => SqlConventions.ReadInstant(raw.sqlite3_column_text(s, i).utf8_to_string())
                : null;
            if (read is null) return null;
            return (s, i) => raw.sqlite3_column_type(s, i) == raw.SQLITE_NULL ? null : read(s, i);
        }
    }
}
