using System.Collections.Concurrent;
using System.Threading.Channels;
using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.Redis.Presence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis;

/// <summary>
/// Presence on Redis, shared by every instance: a scope's connections and members in two hashes of one cluster slot,
/// changed by one Lua script that also publishes the change's event; per-instance liveness in a key that expires by
/// itself; survivors remove an expired instance's connections with the same script (each leave announced once). Built
/// over an <see cref="IConnectionMultiplexer"/> the application owns.
/// </summary>
public sealed class RedisPresence : PresenceTracker
{
    private readonly IConnectionMultiplexer _multiplexer;
    private readonly IDatabase _database;
    private readonly ISubscriber _subscriber;
    private readonly PresenceKeys _keys;
    private readonly RedisValue _publish;
    private readonly RedisChannelShapes _shapes;
    private readonly ConcurrentDictionary<PresenceScope, ChannelMessageQueue> _queues = new();

    /// <summary>Creates the tracker over <paramref name="multiplexer"/>, which stays the application's to dispose.</summary>
    public RedisPresence(IConnectionMultiplexer multiplexer, RedisPresenceOptions? options = null, ILogger<RedisPresence>? logger = null)
        : base(options ??= new RedisPresenceOptions(), (ILogger?)logger ?? NullLogger.Instance)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        if (PubSub.ChannelNames.Explain(options.Prefix) is { } problem)
        {
            throw new ArgumentException($"{nameof(RedisPresenceOptions.Prefix)}: {problem}", nameof(options));
        }

        _multiplexer = multiplexer;
        _database = multiplexer.GetDatabase();
        _subscriber = multiplexer.GetSubscriber();
        _keys = new PresenceKeys(options.Prefix);
        _shapes = new RedisChannelShapes(options.UseShardedPubSub);
        _publish = _shapes.Sharded ? "SPUBLISH" : "PUBLISH";
        Start();
    }

    /// <inheritdoc />
    protected override async Task TrackOnStoreAsync(PresenceScope scope, PresenceConnection connection, CancellationToken ct)
    {
        // The index first: an instance that dies right after the change still has its connection found by survivors.
        var index = _database.SetAddAsync(_keys.ScopesOf(connection.InstanceId), scope.Key);
        var known = _database.SetAddAsync(_keys.Instances, connection.InstanceId);
        var change = RunAsync(scope, "track",
            connection.ConnectionId, connection.InstanceId, connection.MemberKey, connection.UserId?.Value ?? string.Empty,
            StoredConnection.Millis(connection.Since), StoredConnection.Millis(connection.Updated), connection.Metadata);
        await Task.WhenAll(index, known, change).WaitAsync(ct).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task<bool> UpdateOnStoreAsync(PresenceScope scope, string connectionId, ReadOnlyMemory<byte> metadata, DateTimeOffset at, CancellationToken ct)
        => (long)await RunAsync(scope, "update", connectionId, metadata, StoredConnection.Millis(at)).WaitAsync(ct).ConfigureAwait(false) == 1;

    /// <inheritdoc />
    protected override Task UntrackOnStoreAsync(PresenceScope scope, string connectionId, DateTimeOffset at, CancellationToken ct)
        => RunAsync(scope, "untrack", connectionId, StoredConnection.Millis(at)).WaitAsync(ct);

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<PresenceConnection>> ListOnStoreAsync(PresenceScope scope, CancellationToken ct)
    {
        var entries = await _database.HashGetAllAsync(_keys.Of(scope)[0]).WaitAsync(ct).ConfigureAwait(false);
        return entries.Select(e => StoredConnection.Read(e.Name!, (byte[])e.Value!)).OfType<PresenceConnection>().ToList();
    }

    /// <inheritdoc />
    protected override async Task<PresenceCount> CountOnStoreAsync(PresenceScope scope, CancellationToken ct)
    {
        var keys = _keys.Of(scope);
        var connections = _database.HashLengthAsync(keys[0]);
        var members = _database.HashLengthAsync(keys[1]);
        await Task.WhenAll(connections, members).WaitAsync(ct).ConfigureAwait(false);
        return new PresenceCount(await members.ConfigureAwait(false), await connections.ConfigureAwait(false));
    }

    /// <inheritdoc />
    /// <remarks>Also adds the scope to the instance's index again, which lives on another cluster node than the scope and may be lost without it.</remarks>
    protected override async Task<bool> HoldsOnStoreAsync(PresenceScope scope, string connectionId, string instanceId, CancellationToken ct)
    {
        var index = _database.SetAddAsync(_keys.ScopesOf(instanceId), scope.Key);
        var held = _database.HashExistsAsync(_keys.Of(scope)[0], connectionId);
        await Task.WhenAll(index, held).WaitAsync(ct).ConfigureAwait(false);
        return await held.ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task<bool> BeatOnStoreAsync(string instanceId, TimeSpan timeout, CancellationToken ct)
    {
        var known = _database.SetAddAsync(_keys.Instances, instanceId);
        var previous = _database.StringSetAndGetAsync(_keys.Alive(instanceId), 1, timeout);
        await Task.WhenAll(known, previous).WaitAsync(ct).ConfigureAwait(false);
        return !(await previous.ConfigureAwait(false)).IsNull;
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<string>> FindExpiredOnStoreAsync(string self, CancellationToken ct)
    {
        var others = (await _database.SetMembersAsync(_keys.Instances).WaitAsync(ct).ConfigureAwait(false))
            .Select(v => (string)v!).Where(id => id != self).ToList();
        var alive = await Task.WhenAll(others.Select(id => _database.KeyExistsAsync(_keys.Alive(id)))).WaitAsync(ct).ConfigureAwait(false);
        return others.Where((_, i) => !alive[i]).ToList();
    }

    /// <inheritdoc />
    protected override async Task<int> EvictOnStoreAsync(string instanceId, DateTimeOffset at, CancellationToken ct)
    {
        var scopes = await _database.SetMembersAsync(_keys.ScopesOf(instanceId)).WaitAsync(ct).ConfigureAwait(false);
        var evictions = new List<Task>();
        foreach (var key in scopes)
        {
            if (PresenceScope.TryParse(key, out var scope))
            {
                evictions.Add(RunAsync(scope, "evict", instanceId, StoredConnection.Millis(at)));
            }
        }

        await Task.WhenAll(evictions).WaitAsync(ct).ConfigureAwait(false);
        await EndOnStoreAsync(instanceId, ct).ConfigureAwait(false);
        return scopes.Length;
    }

    /// <inheritdoc />
    protected override Task ForgetScopeOnStoreAsync(PresenceScope scope, string instanceId, CancellationToken ct)
        => _database.SetRemoveAsync(_keys.ScopesOf(instanceId), scope.Key).WaitAsync(ct);

    /// <inheritdoc />
    protected override Task EndOnStoreAsync(string instanceId, CancellationToken ct)
        => Task.WhenAll(
            _database.KeyDeleteAsync(_keys.ScopesOf(instanceId)),
            _database.SetRemoveAsync(_keys.Instances, instanceId),
            _database.KeyDeleteAsync(_keys.Alive(instanceId))).WaitAsync(ct);

    /// <inheritdoc />
    protected override async Task WatchOnStoreAsync(PresenceScope scope, CancellationToken ct)
    {
        var queue = await _subscriber.SubscribeAsync(_shapes.Literal(_keys.Channel(scope))).WaitAsync(ct).ConfigureAwait(false);
        _queues[scope] = queue;
        _ = ConsumeAsync(queue);
    }

    /// <inheritdoc />
    protected override async Task UnwatchOnStoreAsync(PresenceScope scope, CancellationToken ct)
    {
        if (_queues.TryRemove(scope, out var queue))
        {
            await queue.UnsubscribeAsync(_multiplexer.IsConnected ? CommandFlags.None : CommandFlags.FireAndForget).WaitAsync(ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async ValueTask DisposeStoreAsync()
    {
        var unsubscribes = _queues.Values.Select(q => q.UnsubscribeAsync(_multiplexer.IsConnected ? CommandFlags.None : CommandFlags.FireAndForget)).ToList();
        _queues.Clear();
        await Task.WhenAll(unsubscribes).WaitAsync(TimeSpan.FromMilliseconds(500)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private Task<RedisResult> RunAsync(PresenceScope scope, string op, params RedisValue[] arguments)
        => PresenceScripts.Change.RunAsync(_database, _keys.Of(scope), [op, _keys.Channel(scope), _publish, scope.Key, .. arguments]);


    private async Task ConsumeAsync(ChannelMessageQueue queue)
    {
        try
        {
            while (true)
            {
                var message = await queue.ReadAsync().ConfigureAwait(false);
                if (PresenceEventReader.Read(((ReadOnlyMemory<byte>)message.Message).Span) is { } presenceEvent)
                {
                    await OnStoreEventAsync(presenceEvent).ConfigureAwait(false);
                }
            }
        }
        catch (ChannelClosedException)
        {
            // The queue completes when the channel is unsubscribed.
        }
    }
}
