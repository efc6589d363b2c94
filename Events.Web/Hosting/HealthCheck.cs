using Events.Api.Storage;

namespace Events.Web.Hosting;

public static class HealthCheck
{
    /// <summary>200 when the database answers.</summary>
    public static IResult Check(Db db) => db.Answers() ? Results.Text("ok") : Results.StatusCode(503);
}
