using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Testing.Specification;

/// <summary>One app instance in a test: its broadcaster, the registry attached to it, and its log.</summary>
public sealed class TestInstance : IAsyncDisposable
{
    private int _connections;

    public TestInstance(ChannelBroadcaster broadcaster, ConnectionRegistry registry, RecordingLogger log)
    {
        Broadcaster = broadcaster;
        Registry = registry;
        Log = log;
    }

    public ChannelBroadcaster Broadcaster { get; }

    public ConnectionRegistry Registry { get; }

    public RecordingLogger Log { get; }

    /// <summary>Registers a connection with a fresh id.</summary>
    public Task<LocalConnection> ConnectAsync(string group, string? user = null)
        => Registry.RegisterAsync($"{Broadcaster.InstanceId[..8]}-conn-{Interlocked.Increment(ref _connections)}", new GroupId(group), user is null ? null : new UserId(user));

    public async ValueTask DisposeAsync()
    {
        await Registry.DisposeAsync().ConfigureAwait(false);
        await Broadcaster.DisposeAsync().ConfigureAwait(false);
    }
}
