using Consultation.Calls;
using Consultation.Tests.Infrastructure;
using Consultation.Tests.Items;
using Consultation.Tests.Visits;
using Consultation.Visits;
using Hangfire;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Consultation.Tests.Calls;

/// <summary>What the signaling hub refuses to a connection that is not seated in the room, or not of the lead unit.</summary>
public sealed class HubDenialTests : IAsyncLifetime
{
    private ItemWorld _w = null!;
    private VisitDto _visit = null!;
    private readonly List<HubConnection> _connections = [];

    public async Task InitializeAsync()
    {
        _w = await ItemWorld.CreateAsync();
        var co = await _w.App.WithDb(db => db.Users.Where(u => u.UserName == "co").Select(u => u.Id).SingleAsync());
        _visit = await _w.ScheduleAsync((await _w.SignedAsync()).Id, _w.Now.AddHours(1), minutes: 30, staff: [co]);
        _w.Advance(_visit.StartUtc.AddMinutes(-5) - _w.Now);
    }

    public async Task DisposeAsync()
    {
        foreach (var connection in _connections)
            await connection.DisposeAsync();
        await _w.DisposeAsync();
    }

    private async Task<HubConnection> Connect(string userName)
    {
        var hub = await HubClient.ConnectAsync(_w.App, userName, CallHub.Path);
        _connections.Add(hub);
        return hub;
    }

    /// <summary>What the room leaves behind: chat lines, quality reports, stays, the visit's state and any job to close it.</summary>
    private async Task<string> Traces()
    {
        var stored = await _w.App.WithDb(async db => (await db.ChatMessages.CountAsync(), await db.CallQuality.CountAsync(),
            await db.Attendance.CountAsync(), (await db.Visits.SingleAsync(v => v.Id == _visit.Id)).State));
        var jobs = _w.App.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedCount("default");
        return $"{stored} {jobs}";
    }

    [Fact]
    public async Task A_connection_that_has_not_joined_can_neither_signal_nor_chat_nor_report_nor_end_the_visit()
    {
        var lead = await Connect("lead");
        var joined = await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        await StaysWrittenAsync(1);
        var before = await Traces();

        foreach (var userName in new[] { "other.deputy", "deputy" })
        {
            var outside = await Connect(userName);
            Task[] attempts =
            [
                outside.InvokeAsync(nameof(CallHub.Signal), joined.ParticipantId, "offer", "v=0"),
                outside.InvokeAsync(nameof(CallHub.SetMedia), false, false, true),
                outside.InvokeAsync(nameof(CallHub.Chat), "有人吗？"),
                outside.InvokeAsync(nameof(CallHub.ReportQuality), new QualitySummary(60, 10, 0, 500, Relayed: false)),
                outside.InvokeAsync(nameof(CallHub.EndVisit)),
            ];
            foreach (var attempt in attempts)
                Assert.Contains("Join the visit first", (await Assert.ThrowsAsync<HubException>(() => attempt)).Message);
        }

        Assert.Equal(before, await Traces());
        Assert.Equal(HubConnectionState.Connected, lead.State);
    }

    /// <summary>The hub writes a join to the attendance after answering it: waits for that many stays, five seconds at most.</summary>
    private async Task StaysWrittenAsync(int count)
    {
        for (var wait = 0; wait < 100 && await _w.App.WithDb(db => db.Attendance.CountAsync()) < count; wait++)
            await Task.Delay(50);
    }

    [Fact]
    public async Task A_co_handling_units_handler_in_the_room_cannot_end_the_visit_for_everyone()
    {
        var lead = await Connect("lead");
        var co = await Connect("co");
        await lead.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        await co.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        await StaysWrittenAsync(2);
        var before = await Traces();

        var refused = await Assert.ThrowsAsync<HubException>(() => co.InvokeAsync(nameof(CallHub.EndVisit)));

        Assert.Contains("Only a handler of the lead unit", refused.Message);
        Assert.Equal(before, await Traces());
        Assert.Equal(2, _w.App.Services.GetRequiredService<RoomRegistry>().Find(_visit.Id)!.Members.Count);
    }

    [Fact]
    public async Task An_empty_or_overlong_chat_message_is_refused_with_the_limit_and_not_kept()
    {
        var deputy = await Connect("deputy");
        await deputy.InvokeAsync<JoinResult>(nameof(CallHub.Join), _visit.Id);
        var limit = new CallSettings().MaxChatLength;

        foreach (var text in new[] { "   ", new string('话', limit + 1) })
            Assert.Contains($"1 to {limit} characters", (await Assert.ThrowsAsync<HubException>(() => deputy.InvokeAsync(nameof(CallHub.Chat), text))).Message);

        Assert.Equal(0, await _w.App.WithDb(db => db.ChatMessages.CountAsync()));
    }
}
