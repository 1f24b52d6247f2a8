using System.Buffers;
using System.Net.WebSockets;

namespace Consultation.Benchmarks.Signaling;

/// <summary>One participant's WebSocket to a relay: frames go out as they are, stamps come back to a callback.</summary>
public sealed class RelayClient(ClientWebSocket socket, WebSocketMessageType frameType, CallSeat seat) : IAsyncDisposable
{
    private const int MaxMessage = 256 * 1024;

    public CallSeat Seat { get; } = seat;

    public bool IsOpen => socket.State == WebSocketState.Open;

    /// <summary>Prepared signals to each other participant of the room, by target and kind (see <see cref="LoadGenerator"/>).</summary>
    public PreparedSignal[][] Signals { get; set; } = [];

    private readonly SemaphoreSlim _sending = new(1, 1);

    /// <summary>Sends one frame; keep-alive pings from another task wait their turn (a WebSocket sends one message at a time).</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancel = default)
    {
        await _sending.WaitAsync(cancel);
        try
        {
            await socket.SendAsync(frame, frameType, endOfMessage: true, cancel);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Reads one whole message (used while connecting, before <see cref="StartReceiving"/>).</summary>
    public async Task<byte[]> ReceiveAsync(CancellationToken cancel)
    {
        var buffer = new byte[MaxMessage];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancel);
            if (result.MessageType == WebSocketMessageType.Close)
                throw new InvalidOperationException($"The relay closed the connection: {socket.CloseStatus} {socket.CloseStatusDescription}");
            length += result.Count;
            if (result.EndOfMessage)
                return buffer[..length];
        }
    }

    /// <summary>Reads messages until the socket closes; an idle connection holds no buffer (a zero-byte read waits for data).</summary>
    public void StartReceiving(Action<long> onStamp) => _ = Task.Run(async () =>
    {
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                await socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                var buffer = ArrayPool<byte>.Shared.Rent(MaxMessage);
                try
                {
                    var length = 0;
                    ValueWebSocketReceiveResult result;
                    do
                    {
                        result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                        length += result.Count;
                    } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);
                    if (result.MessageType == WebSocketMessageType.Close)
                        return;
                    SignalMessages.ReadStamps(buffer.AsSpan(0, length), onStamp);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (WebSocketException)
        {
            // The relay went away; the missing deliveries show as loss.
        }
        catch (ObjectDisposedException)
        {
        }
    });

    public async ValueTask DisposeAsync()
    {
        // Never close while a keep-alive ping is being sent on this socket: it would wait forever.
        if (!await _sending.WaitAsync(TimeSpan.FromSeconds(5)))
        {
            socket.Abort();
            return;
        }
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _sending.Release();
        }
        socket.Dispose();
    }
}

/// <summary>A signal frame ready to send, with where its timestamp digits are.</summary>
public sealed record PreparedSignal(byte[] Frame, int StampAt);
