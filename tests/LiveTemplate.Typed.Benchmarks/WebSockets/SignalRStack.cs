namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>SignalR: a <c>Hub</c> on the Redis backplane with the JSON protocol; clients are SignalR's own .NET client over WebSockets.</summary>
public sealed class SignalRStack : IStack
{
    /// <inheritdoc />
    public string Name => "SignalR";

    /// <inheritdoc />
    public string ServerAssembly => ServerBuild.Path("SignalR", "LiveTemplate.Typed.Benchmarks.SignalRServer");

    /// <inheritdoc />
    public IReadOnlyList<string> ServerArguments => [];

    /// <inheritdoc />
    /// <remarks>SignalR has no topics: a group is the nearest, so <paramref name="viaTopic"/> changes nothing.</remarks>
    public async Task<IStackClient> ConnectAsync(Uri server, string group, IDeliveryListener listener, CancellationToken ct, bool viaTopic = false)
        => await SignalRClient.ConnectAsync(Hub(server, group), listener, ct).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>SignalR's JSON protocol over a raw socket: the handshake, then invocations ended by 0x1E, as many in one WebSocket message as the server had queued.</remarks>
    public Task<FrameObserver> ObserveAsync(Uri server, string group, bool viaTopic, CancellationToken ct)
        => FrameObserver.ConnectAsync(new UriBuilder(Hub(server, group)) { Scheme = "ws" }.Uri, "{\"protocol\":\"json\",\"version\":1}\u001e", "{}", separator: 0x1E, "\"target\":\"tick\"", ct);

    private static Uri Hub(Uri server, string group) => new UriBuilder(server) { Path = "/hub", Query = "group=" + Uri.EscapeDataString(group) }.Uri;
}
