using Dapper;
using Events.Api.Storage;

namespace Events.Web.Hosting;

public static class HealthCheck
{
    /// <summary>200 when the database answers.</summary>
    public static IResult Check(Db db)
    {
        try
        {
            using var c = db.OpenRead();
            return c.ExecuteScalar<long>("SELECT 1") == 1 ? Results.Text("ok") : Results.StatusCode(503);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return Results.StatusCode(503);
        }
    }
}
