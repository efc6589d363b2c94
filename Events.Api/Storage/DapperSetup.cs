using System.Data;
using Dapper;

namespace Events.Api.Storage;

/// <summary>Dapper follows <see cref="SqlConventions"/>: snake_case columns, instants as ISO 8601 text with their offset.</summary>
public static class DapperSetup
{
    private static int _done;

    public static void Configure()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1) return;
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset));
        SqlMapper.RemoveTypeMap(typeof(DateTimeOffset?));
        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = SqlConventions.WriteInstant(value);
        }

        public override DateTimeOffset Parse(object value) => SqlConventions.ReadInstant((string)value);
    }
}
