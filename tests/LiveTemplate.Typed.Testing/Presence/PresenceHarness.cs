using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.Testing.Presence;

/// <summary>
/// A presence store shared by several test instances (one Redis server or cluster, or one in-memory network), with
/// short heartbeats, plus what a test does to it from outside: kill an instance without a goodbye, lose everything.
/// </summary>
public abstract class PresenceHarness : IAsyncDisposable
{
    private readonly List<PresenceTracker> _trackers = [];

    /// <summary>The heartbeat of test instances.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(100);

    /// <summary>The liveness timeout of test instances (ten heartbeats: a loaded test machine may delay a few).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    /// <summary>A prefix of its own, so that tests can share a server.</summary>
    public string Prefix { get; } = "lt" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Starts an instance on this store.</summary>
    public async Task<PresenceTracker> StartAsync(Action<PresenceOptions>? configure = null)
    {
        var tracker = await CreateAsync(options =>
        {
            options.HeartbeatInterval = Heartbeat;
            options.Timeout = Timeout;
            configure?.Invoke(options);
        }).ConfigureAwait(false);
        lock (_trackers)
        {
            _trackers.Add(tracker);
        }

        return tracker;
    }

    /// <summary>Creates a tracker on this store with <paramref name="configure"/> applied to its options.</summary>
    protected abstract Task<PresenceTracker> CreateAsync(Action<PresenceOptions> configure);

    /// <summary>Cuts <paramref name="tracker"/> off from the store for good, as SIGKILL would: no untrack, no heartbeat.</summary>
    public abstract Task KillAsync(PresenceTracker tracker);

    /// <summary>Deletes every key of this harness, as a store restarted without persistence.</summary>
    public abstract Task ForgetEverythingAsync();

    /// <summary>Deletes <paramref name="scope"/>'s connections and members and nothing else (every liveness stays), as a cluster node restarted without its data.</summary>
    public abstract Task ForgetScopeAsync(PresenceScope scope);

    /// <summary>The scopes the store records <paramref name="tracker"/>'s instance as having connections in (what survivors evict when it dies).</summary>
    public abstract Task<IReadOnlyList<PresenceScope>> RecordedScopesAsync(PresenceTracker tracker);

    /// <inheritdoc />
    public virtual async ValueTask DisposeAsync()
    {
        List<PresenceTracker> trackers;
        lock (_trackers)
        {
            trackers = [.. _trackers];
        }

        foreach (var tracker in trackers)
        {
            await tracker.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
