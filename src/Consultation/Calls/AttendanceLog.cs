using System.Collections.Concurrent;
using Consultation.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Calls;

/// <summary>
/// Writes a room's joins and leaves to the visit's attendance, each in its own scope, one after another in the order
/// they happened. The hub answers Join before its row is written, so the write is off the way to media; a leave, or
/// the lead unit ending the visit, waits for every write of the room before it.
/// </summary>
public sealed class AttendanceLog(IServiceScopeFactory scopes, ILogger<AttendanceLog> log)
{
    private readonly ConcurrentDictionary<int, Task> _lastWrite = new();

    public Task JoinedAsync(int visitId, int participantId, DateTime at) => Write(visitId, db =>
    {
        db.Attendance.Add(new AttendanceEntry { VisitId = visitId, ParticipantId = participantId, JoinedAtUtc = at });
        return db.SaveChangesAsync();
    });

    /// <summary>Closes the participant's open entry; for everyone still in the room without a participant.</summary>
    public Task LeftAsync(int visitId, int? participantId, DateTime at) => Write(visitId, db =>
        db.Attendance.Where(a => a.VisitId == visitId && (participantId == null || a.ParticipantId == participantId) && a.LeftAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LeftAtUtc, at)));

    private Task Write(int visitId, Func<AppDbContext, Task> write)
    {
        lock (_lastWrite)
        {
            var next = _lastWrite.GetValueOrDefault(visitId, Task.CompletedTask)
                .ContinueWith(_ => RunAsync(visitId, write), TaskScheduler.Default).Unwrap();
            _lastWrite[visitId] = next;
            // The room's last write forgets itself, so that finished visits leave nothing behind.
            next.ContinueWith(_ => _lastWrite.TryRemove(new KeyValuePair<int, Task>(visitId, next)), TaskScheduler.Default);
            return next;
        }
    }

    /// <summary>Never fails, so that the room's next write still runs: a failure is logged.</summary>
    private async Task RunAsync(int visitId, Func<AppDbContext, Task> write)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await write(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        }
        catch (Exception e)
        {
            log.LogError(e, "Could not write the attendance of visit {Visit}", visitId);
        }
    }
}
