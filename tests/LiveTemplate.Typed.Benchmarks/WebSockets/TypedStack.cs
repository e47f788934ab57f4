namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>LiveTemplate.Typed: <c>MapLiveTemplate</c> with a typed handler; clients are plain <see cref="System.Net.WebSockets.ClientWebSocket"/>s, as a browser's.</summary>
public sealed class TypedStack : IStack
{
    /// <inheritdoc />
    public string Name => "LiveTemplate.Typed";

    /// <inheritdoc />
    public string ServerAssembly => ServerBuild.Path("Typed", "LiveTemplate.Typed.Benchmarks.TypedServer");

    /// <inheritdoc />
    public async Task<IStackClient> ConnectAsync(Uri server, string group, IDeliveryListener listener, CancellationToken ct)
        => await TypedClient.ConnectAsync(new UriBuilder(server) { Scheme = "ws", Path = "/live/" + group }.Uri, listener, ct).ConfigureAwait(false);
}
