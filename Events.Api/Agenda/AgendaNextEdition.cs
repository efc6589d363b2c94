using System.Data;
using Events.Api.Registration;

namespace Events.Api.Agenda;

/// <summary>When organisers ask for it, the new edition starts from this one's rooms and sessions (see <see cref="AgendaStore.CopyToEdition"/>).</summary>
public sealed class AgendaNextEdition : INewEditionStep
{
    public void Copy(IDbConnection c, IDbTransaction tx, long fromEventId, long toEventId, TimeSpan shift, DateTimeOffset now) =>
        AgendaStore.CopyToEdition(c, tx, fromEventId, toEventId, shift, now);
}
