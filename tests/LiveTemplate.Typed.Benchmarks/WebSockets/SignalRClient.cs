using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>SignalR's own .NET client over WebSockets (no negotiate round trip, as a browser on a sticky load balancer would not need one).</summary>
public sealed class SignalRClient : IStackClient
{
    private readonly HubConnection _connection;

    private SignalRClient(HubConnection connection) => _connection = connection;

    /// <summary>Connects and completes SignalR's handshake.</summary>
    public static async Task<SignalRClient> ConnectAsync(Uri uri, IDeliveryListener listener, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(uri, o =>
            {
                o.SkipNegotiation = true;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        connection.On<BenchTick>("tick", tick => listener.OnTick(tick.Seq));
        connection.On<BenchCardMoved>("cardMoved", moved => listener.OnCardMoved(moved.CardId));
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(TimeSpan.FromSeconds(30));
        await connection.StartAsync(bound.Token).ConfigureAwait(false);
        return new SignalRClient(connection);
    }

    /// <inheritdoc />
    /// <remarks>SignalR has no topics: a group is the nearest, so <paramref name="viaTopic"/> changes nothing.</remarks>
    public Task PublishAsync(string group, int seq, string text, bool viaTopic = false) => _connection.SendAsync("Publish", group, seq, text);

    /// <inheritdoc />
    public Task MoveCardAsync(int cardId, string column) => _connection.SendAsync("MoveCard", cardId, column);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
