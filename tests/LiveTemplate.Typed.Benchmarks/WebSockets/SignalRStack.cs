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
        => await SignalRClient.ConnectAsync(new UriBuilder(server) { Path = "/hub", Query = "group=" + Uri.EscapeDataString(group) }.Uri, listener, ct).ConfigureAwait(false);
}
