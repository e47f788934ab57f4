using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Testing.Specification;

/// <summary>
/// A transport shared by several test instances (one Redis server, or one in-memory network), plus what a raw
/// client of that transport can do: publish arbitrary bytes and ask who is subscribed.
/// </summary>
public abstract class BroadcasterHarness : IAsyncDisposable
{
    private readonly List<TestInstance> _instances = [];

    /// <summary>The channel names of this harness's instances: a prefix of its own, so that tests can share a server.</summary>
    public ChannelNames Names { get; } = new("lt" + Guid.NewGuid().ToString("N")[..10]);

    /// <summary>Starts an instance: a broadcaster on this transport with a registry attached.</summary>
    public async Task<TestInstance> StartInstanceAsync(Action<BroadcasterOptions>? configure = null, ConnectionRegistryOptions? registryOptions = null)
    {
        var (broadcaster, log) = await CreateBroadcasterAsync(options =>
        {
            options.ChannelPrefix = Names.Prefix;
            configure?.Invoke(options);
        }).ConfigureAwait(false);
        var registry = await ConnectionRegistry.AttachAsync(broadcaster, registryOptions).WaitAsync(Eventually.MessageTimeout).ConfigureAwait(false);
        var instance = new TestInstance(broadcaster, registry, log);
        lock (_instances)
        {
            _instances.Add(instance);
        }

        return instance;
    }

    /// <summary>Creates a broadcaster on this transport with a recording logger.</summary>
    protected abstract Task<(ChannelBroadcaster Broadcaster, RecordingLogger Log)> CreateBroadcasterAsync(Action<BroadcasterOptions> configure);

    /// <summary>Publishes raw bytes on a channel, as any other client of the transport could.</summary>
    public abstract Task PublishRawAsync(string channel, ReadOnlyMemory<byte> message);

    /// <summary>Publishes raw bytes as a classic publish (what pattern subscriptions and Go see, even where the harness is sharded).</summary>
    public virtual Task PublishRawClassicAsync(string channel, ReadOnlyMemory<byte> message) => PublishRawAsync(channel, message);

    /// <summary>How many subscribers the transport counts on <paramref name="channel"/> (PUBSUB NUMSUB).</summary>
    public abstract Task<long> CountSubscribersAsync(string channel);

    /// <summary>How many pattern subscriptions the transport has (PUBSUB NUMPAT).</summary>
    public abstract Task<long> CountPatternSubscriptionsAsync();

    /// <summary>The channels with at least one subscriber (PUBSUB CHANNELS).</summary>
    public abstract Task<IReadOnlyList<string>> ActiveChannelsAsync();

    /// <summary>Forgets the history of every channel of this harness, as a Redis restarted without persistence.</summary>
    public abstract Task ForgetHistoryAsync();

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        List<TestInstance> instances;
        lock (_instances)
        {
            instances = [.. _instances];
        }

        foreach (var instance in instances)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
