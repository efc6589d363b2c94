using System.Data;
using Events.Api.Registration;

namespace Events.Api.Agenda;

/// <summary>Three months after the event, with the attendees' data: the speakers' e-mail addresses and sign-in links.</summary>
public sealed class SpeakerRetention : IRetentionStep
{
    public void EraseAfterEvent(IDbConnection c, IDbTransaction tx, long eventId, DateTimeOffset now) =>
        AgendaStore.EraseSpeakerAddresses(c, tx, eventId, now);
}
