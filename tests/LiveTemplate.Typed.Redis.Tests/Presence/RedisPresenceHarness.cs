using LiveTemplate.Typed.Presence;
using LiveTemplate.Typed.Testing;
using LiveTemplate.Typed.Testing.Presence;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Tests.Presence;

/// <summary>
/// Redis as the presence store: one server of its own (lost everything = a real restart without persistence) or a
/// cluster shared by a test class (lost everything = this harness's keys deleted on every master). Each instance has
/// its own multiplexer, as separate processes would; killing one closes it without a word.
/// </summary>
internal sealed class RedisPresenceHarness : PresenceHarness
{
    private readonly Func<Task<ConnectionMultiplexer>> _connect;
    private readonly RedisServer? _server;
    private readonly bool _sharded;
    private readonly Dictionary<PresenceTracker, ConnectionMultiplexer> _multiplexers = [];

    private RedisPresenceHarness(Func<Task<ConnectionMultiplexer>> connect, RedisServer? server, bool sharded)
    {
        _connect = connect;
        _server = server;
        _sharded = sharded;
    }

    public static async Task<RedisPresenceHarness> OnNewServerAsync()
    {
        var server = await RedisServer.StartAsync();
        return new RedisPresenceHarness(() => server.ConnectAsync("allowAdmin=true"), server, sharded: false);
    }

    public static RedisPresenceHarness OnCluster(RedisCluster cluster) => new(() => cluster.ConnectAsync("allowAdmin=true"), null, sharded: true);

    protected override async Task<PresenceTracker> CreateAsync(Action<PresenceOptions> configure)
    {
        var multiplexer = await _connect();
        var options = new RedisPresenceOptions { Prefix = Prefix, UseShardedPubSub = _sharded };
        configure(options);
        var tracker = new RedisPresence(multiplexer, options);
        lock (_multiplexers)
        {
            _multiplexers[tracker] = multiplexer;
        }

        return tracker;
    }

    public override async Task KillAsync(PresenceTracker tracker)
    {
        ConnectionMultiplexer multiplexer;
        lock (_multiplexers)
        {
            multiplexer = _multiplexers[tracker];
        }

        await multiplexer.CloseAsync(allowCommandsToComplete: false);
    }

    public override async Task ForgetEverythingAsync()
    {
        if (_server is not null)
        {
            await _server.RestartAsync();
            return;
        }

        await DeleteKeysAsync("*" + Prefix + ":presence:*");
    }

    public override async Task<IReadOnlyList<PresenceScope>> RecordedScopesAsync(PresenceTracker tracker)
    {
        await using var reader = await _connect();
        var keys = await reader.GetDatabase().SetMembersAsync(Prefix + ":presence:scopes:" + tracker.InstanceId);
        return [.. keys.Select(k => PresenceScope.TryParse(k, out var scope) ? scope : throw new InvalidOperationException($"Not a scope key: {k}"))];
    }

    public override Task ForgetScopeAsync(PresenceScope scope) => DeleteKeysAsync("*" + Prefix + ":presence:" + scope.Key + "|?");

    /// <summary>Deletes the keys matching <paramref name="pattern"/> on every master, one at a time (not atomically, as nodes restart one by one).</summary>
    private async Task DeleteKeysAsync(string pattern)
    {
        await using var admin = await _connect();
        foreach (var endpoint in admin.GetEndPoints())
        {
            var server = admin.GetServer(endpoint);
            if (server.IsReplica)
            {
                continue;
            }

            await foreach (var key in server.KeysAsync(pattern: pattern))
            {
                await admin.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var multiplexer in _multiplexers.Values)
        {
            await multiplexer.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
