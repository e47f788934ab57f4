namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>
/// LiveTemplate.Typed: <c>MapLiveTemplate</c> with a typed handler; clients are plain
/// <see cref="System.Net.WebSockets.ClientWebSocket"/>s, as a browser's. With <paramref name="history"/>, the servers
/// keep the group actions' history (recovery, docs/recovery.md): every publish also appends to the group's stream on
/// Redis and every frame carries its position. With <paramref name="build"/>, the server is another build of the same
/// app (a baseline, to compare two versions of the SDK in one run). With <paramref name="presence"/>, the servers track
/// every connection in its group's presence on connect (docs/presence.md), and untrack it when it closes.
/// </summary>
public sealed class TypedStack(bool history = false, string? build = null, bool presence = false) : IStack
{
    /// <inheritdoc />
    public string Name => Variant switch
    {
        "history" => "LiveTemplate.Typed, history on",
        "baseline" => "LiveTemplate.Typed, baseline build",
        "presence" => "LiveTemplate.Typed, presence on",
        _ => "LiveTemplate.Typed",
    };

    // Which of our stacks this is: its name and its channel prefix follow from it.
    private string Variant => (history, build, presence) switch
    {
        (true, _, _) => "history",
        (_, not null, _) => "baseline",
        (_, _, true) => "presence",
        _ => "plain",
    };

    /// <inheritdoc />
    public string ServerAssembly => build ?? ServerBuild.Path("Typed", "LiveTemplate.Typed.Benchmarks.TypedServer");

    /// <inheritdoc />
    /// <remarks>
    /// Each of our stacks gets a channel prefix of its own: they share the redis-server and the group names, and with
    /// one prefix every stack's servers would receive (and fan out to their idle clients) the others' publishes too.
    /// </remarks>
    public IReadOnlyList<string> ServerArguments =>
    [
        "--LiveTemplate:ChannelPrefix=bench-" + Variant,
        .. history ? ["--LiveTemplate:History=GroupAction"] : Array.Empty<string>(),
        .. presence ? ["--Presence=true"] : Array.Empty<string>(),
    ];

    /// <inheritdoc />
    public async Task<IStackClient> ConnectAsync(Uri server, string group, IDeliveryListener listener, CancellationToken ct, bool viaTopic = false)
        => await TypedClient.ConnectAsync(Live(server, group), listener, viaTopic ? TypedClient.TopicOf(group) : null, ct).ConfigureAwait(false);

    /// <inheritdoc />
    /// <remarks>Over the batch subprotocol, as the clients: a delivery is a frame (ended by 0x1E) whose action is <c>tick</c> or <c>topic-tick</c>.</remarks>
    public Task<FrameObserver> ObserveAsync(Uri server, string group, bool viaTopic, CancellationToken ct)
        => viaTopic
            ? FrameObserver.ConnectAsync(Live(server, group), $$$"""{"topic":"subscribe","name":"{{{TypedClient.TopicOf(group)}}}"}""", "\"subscribed\"", separator: 0x1E, "tick\"", ct, TypedClient.BatchProtocol)
            : FrameObserver.ConnectAsync(Live(server, group), opening: null, "\"hello\"", separator: 0x1E, "tick\"", ct, TypedClient.BatchProtocol);

    private static Uri Live(Uri server, string group) => new UriBuilder(server) { Scheme = "ws", Path = "/live/" + group }.Uri;
}
