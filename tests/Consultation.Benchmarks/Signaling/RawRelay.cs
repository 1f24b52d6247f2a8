using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Consultation.Benchmarks.Signaling;

/// <summary>
/// The floor: the least a signaling relay on Kestrel can do. A participant connects to
/// <c>/relay?room=R&amp;id=P</c>; a binary message starts with the target's id (4 bytes) and the kind (1 byte);
/// the relay looks the target up in the sender's room only, writes the sender's id over the target's (the sender
/// is who the server knows, never what the message says) and forwards the bytes. No authentication, no limits
/// other than the message size. Run as its own process (<c>raw-relay --port N</c>) so its CPU is its own.
/// </summary>
public static class RawRelay
{
    public const int HeaderLength = 5;
    private const int MaxMessage = 64 * 1024;

    private sealed class Peer(WebSocket socket)
    {
        public WebSocket Socket { get; } = socket;
        public SemaphoreSlim Sending { get; } = new(1, 1);
    }

    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        var rooms = new ConcurrentDictionary<int, ConcurrentDictionary<int, Peer>>();
        app.MapGet("/health/ready", () => "ready");
        app.Map("/relay", async context =>
        {
            if (!context.WebSockets.IsWebSocketRequest || !int.TryParse(context.Request.Query["room"], out var roomId)
                || !int.TryParse(context.Request.Query["id"], out var id))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            var room = rooms.GetOrAdd(roomId, _ => new());
            room[id] = new Peer(socket);
            try
            {
                await RelayAsync(socket, id, room);
            }
            finally
            {
                room.TryRemove(id, out _);
            }
        });
        await app.RunAsync();
        return 0;
    }

    private static async Task RelayAsync(WebSocket socket, int from, ConcurrentDictionary<int, Peer> room)
    {
        while (socket.State == WebSocketState.Open)
        {
            // An idle connection holds no buffer: the zero-byte read waits for data.
            await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
            var buffer = ArrayPool<byte>.Shared.Rent(MaxMessage);
            try
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        await socket.CloseAsync(WebSocketCloseStatus.MessageTooBig, null, CancellationToken.None);
                        return;
                    }
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                if (result.MessageType == WebSocketMessageType.Close)
                    return;
                if (length < HeaderLength || !room.TryGetValue(BinaryPrimitives.ReadInt32LittleEndian(buffer), out var target))
                    continue;
                BinaryPrimitives.WriteInt32LittleEndian(buffer, from);
                await target.Sending.WaitAsync();
                try
                {
                    await target.Socket.SendAsync(buffer.AsMemory(0, length), WebSocketMessageType.Binary, true, CancellationToken.None);
                }
                catch (WebSocketException)
                {
                    // The target is going away; its own loop removes it.
                }
                finally
                {
                    target.Sending.Release();
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
