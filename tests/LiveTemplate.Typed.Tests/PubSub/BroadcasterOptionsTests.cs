using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Tests.PubSub;

/// <summary>Settings that cannot work are refused where they are given, naming the setting, not discovered at the first outage.</summary>
public sealed class BroadcasterOptionsTests
{
    public static TheoryData<string, Action<BroadcasterOptions>> TooLongWaits() => new()
    {
        { nameof(BroadcasterOptions.RestoreTimeout), o => o.RestoreTimeout = TimeSpan.MaxValue },
        { nameof(BroadcasterOptions.RestoreTimeout), o => o.RestoreTimeout = TimeSpan.FromDays(60) },
        { nameof(BroadcasterOptions.ReconnectDelay), o => (o.ReconnectDelay, o.MaxReconnectDelay) = (TimeSpan.FromDays(60), TimeSpan.MaxValue) },
        { nameof(BroadcasterOptions.MaxReconnectDelay), o => o.MaxReconnectDelay = TimeSpan.MaxValue },
    };

    [Theory]
    [MemberData(nameof(TooLongWaits))]
    public void A_retry_delay_or_restore_timeout_longer_than_a_day_is_refused_when_the_broadcaster_is_created(string setting, Action<BroadcasterOptions> configure)
    {
        var options = new BroadcasterOptions();
        configure(options);

        var error = Assert.Throws<ArgumentException>(() => new InMemoryBroadcaster(options));

        Assert.Contains(setting + " must", error.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1 day", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_is_still_accepted()
    {
        await using var broadcaster = new InMemoryBroadcaster(new BroadcasterOptions
        {
            ReconnectDelay = TimeSpan.FromDays(1),
            MaxReconnectDelay = TimeSpan.FromDays(1),
            RestoreTimeout = TimeSpan.FromDays(1),
        });

        Assert.False(broadcaster.IsDisposed);
    }

    [Fact]
    public async Task Settings_changed_after_the_broadcaster_was_created_do_not_reach_it()
    {
        var options = new BroadcasterOptions { ReconnectDelay = TimeSpan.FromMilliseconds(50), MaxReconnectDelay = TimeSpan.FromMilliseconds(200) };
        var network = new InMemoryNetwork();
        await using var broadcaster = new InMemoryBroadcaster(network, options);
        await broadcaster.SubscribeToGroupAsync(new GroupId("before")).WaitAsync(TimeSpan.FromSeconds(5));

        // Unvalidated values: read live, the first retry during an outage would stop the subscription loop for good.
        options.ReconnectDelay = TimeSpan.FromDays(60);
        options.MaxReconnectDelay = TimeSpan.MaxValue;
        network.Disconnect(broadcaster);
        await Task.Delay(300);
        network.Reconnect(broadcaster);

        await broadcaster.SubscribeToGroupAsync(new GroupId("after")).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(broadcaster.IsSubscribed(broadcaster.Channels.GroupBroadcast(new GroupId("after"))));
    }

    [Fact]
    public async Task A_subscribe_timeout_longer_than_a_day_is_refused_when_the_registry_is_attached()
    {
        await using var broadcaster = new InMemoryBroadcaster();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ConnectionRegistry.AttachAsync(broadcaster, new ConnectionRegistryOptions { SubscribeTimeout = TimeSpan.MaxValue }));

        Assert.Equal(nameof(ConnectionRegistryOptions.SubscribeTimeout), error.ParamName);
    }
}
