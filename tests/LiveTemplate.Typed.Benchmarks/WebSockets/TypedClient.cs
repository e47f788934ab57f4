using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>
/// A browser stand-in on LiveTemplate.Typed's frame protocol: sends action frames, reads every frame on a loop of its
/// own and reports ticks and card moves (it reads <c>action</c> and the data's <c>seq</c> or <c>cardId</c>). It offers
/// the batch subprotocol, as the browser client does, and splits each message into its frames.
/// </summary>
public sealed class TypedClient : IStackClient
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket _socket;
    private readonly IDeliveryListener _listener;
    private readonly Task _reading;

    private TypedClient(ClientWebSocket socket, IDeliveryListener listener)
    {
        _socket = socket;
        _listener = listener;
        _reading = Task.Run(ReadAsync);
    }

    /// <summary>The subprotocol under which the server may send several frames per WebSocket message, each ended by 0x1E.</summary>
    public const string BatchProtocol = "livetemplate.batch";

    /// <summary>The topic the benchmark server publishes a group's topic ticks to (its <c>LiveWiring.TopicPrefix</c>).</summary>
    public static string TopicOf(string group) => "bench/" + group;

    /// <summary>Opens the socket; returns once the server's hello frame arrived and, with a <paramref name="topic"/>, once the server confirmed the subscription to it.</summary>
    public static async Task<TypedClient> ConnectAsync(Uri uri, IDeliveryListener listener, string? topic, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(BatchProtocol); // as the browser client does: frames ready together come as one message
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(Timeout);
        await socket.ConnectAsync(uri, bound.Token).ConfigureAwait(false);
        var buffer = new byte[1024];
        var hello = await socket.ReceiveAsync(buffer, bound.Token).ConfigureAwait(false);
        if (!Encoding.UTF8.GetString(buffer, 0, hello.Count).Contains("\"hello\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The server's first frame was not hello.");
        }

        if (topic is not null)
        {
            await SubscribeAsync(socket, topic, buffer, bound.Token).ConfigureAwait(false);
        }

        return new TypedClient(socket, listener);
    }

    /// <inheritdoc />
    public Task PublishAsync(string group, int seq, string text, bool viaTopic = false)
        => SendAsync($$$"""{"action":"{{{(viaTopic ? "publish-to-topic" : "publish")}}}","data":{"group":"{{{group}}}","seq":{{{seq}}},"text":"{{{text}}}"}}""");

    /// <inheritdoc />
    public Task MoveCardAsync(int cardId, string column)
        => SendAsync($$$"""{"action":"move-card","data":{"cardId":{{{cardId}}},"column":"{{{column}}}"}}""");

    /// <inheritdoc />
    public ValueTask DisposeAsync() => WebSocketMessages.CloseAsync(_socket, _reading, Timeout);

    private Task SendAsync(string frame) => _socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    // The answer comes after the frames already on their way (the server's ready frame); a few are skipped, then it must be there.
    private static async Task SubscribeAsync(ClientWebSocket socket, string topic, byte[] buffer, CancellationToken ct)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes($$$"""{"topic":"subscribe","name":"{{{topic}}}"}"""), WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
        for (var frames = 0; frames < 8; frames++)
        {
            var received = await socket.ReceiveAsync(buffer, ct).ConfigureAwait(false);
            var text = Encoding.UTF8.GetString(buffer, 0, received.Count);
            if (text.Contains("\"subscribed\"", StringComparison.Ordinal))
            {
                return;
            }

            if (text.Contains("\"error\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The server refused the topic {topic}: {text}");
            }
        }

        throw new InvalidOperationException($"The server did not confirm the topic {topic} within 8 frames.");
    }

    private Task ReadAsync() => WebSocketMessages.ReadAllAsync(_socket, 64 * 1024, message =>
    {
        foreach (var frame in message.Split((byte)0x1E))
        {
            if (frame.End.Value > frame.Start.Value)
            {
                Report(message[frame]);
            }
        }
    });

    private void Report(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        string? action = null;
        var number = -1;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                continue;
            }

            if (reader.CurrentDepth == 1 && reader.ValueTextEquals("action"u8) && reader.Read())
            {
                action = reader.GetString();
            }
            else if (reader.CurrentDepth == 2 && (reader.ValueTextEquals("seq"u8) || reader.ValueTextEquals("cardId"u8)) && reader.Read())
            {
                number = reader.GetInt32();
            }
        }

        switch (action)
        {
            case "tick" or "topic-tick":
                _listener.OnTick(number);
                break;
            case "card-moved":
                _listener.OnCardMoved(number);
                break;
        }
    }
}
