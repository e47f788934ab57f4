using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.Redis.Tests;

/// <summary>docs/pubsub.md: settings that cannot work make the constructor throw ArgumentException, one sentence per problem naming the setting.</summary>
public sealed class RedisBroadcasterOptionsTests : IAsyncLifetime
{
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, Action<RedisBroadcasterOptions>> Unworkable() => new()
    {
        { nameof(BroadcasterOptions.ChannelPrefix), o => o.ChannelPrefix = "" },
        { nameof(BroadcasterOptions.ChannelPrefix), o => o.ChannelPrefix = "my app" },
        { nameof(BroadcasterOptions.ChannelPrefix), o => o.ChannelPrefix = "{app}" },
        { nameof(BroadcasterOptions.ChannelPrefix), o => o.ChannelPrefix = new string('a', 65) },
        { nameof(BroadcasterOptions.SigningKey), o => o.SigningKey = new byte[15] },
        { nameof(BroadcasterOptions.SigningKey), o => o.SigningKey = [] },
        { nameof(BroadcasterOptions.MaxMessageBytes), o => o.MaxMessageBytes = 10 },
        { nameof(BroadcasterOptions.ReconnectDelay), o => o.ReconnectDelay = TimeSpan.Zero },
        { nameof(BroadcasterOptions.ReconnectDelay), o => o.ReconnectDelay = TimeSpan.FromSeconds(-1) },
        { nameof(BroadcasterOptions.MaxReconnectDelay), o => o.MaxReconnectDelay = TimeSpan.FromSeconds(-1) },
        { nameof(BroadcasterOptions.RestoreTimeout), o => o.RestoreTimeout = TimeSpan.Zero },
        { nameof(BroadcasterOptions.RestoreTimeout), o => o.RestoreTimeout = TimeSpan.FromSeconds(-1) },
        { nameof(BroadcasterOptions.HistorySize), o => o.HistorySize = 0 },
        { nameof(BroadcasterOptions.HistoryIdleExpiry), o => o.HistoryIdleExpiry = TimeSpan.Zero },
        { nameof(BroadcasterOptions.HistoryIdleExpiry), o => o.HistoryIdleExpiry = TimeSpan.FromSeconds(-1) },
        { nameof(BroadcasterOptions.ChannelPrefix), o => o.ChannelPrefix = null! },
        { nameof(BroadcasterOptions.ChannelPrefix), o => o.ChannelPrefix = "app*" },
        { nameof(BroadcasterOptions.MaxMessageBytes), o => o.MaxMessageBytes = -1 },
        { nameof(BroadcasterOptions.MaxMessageBytes), o => o.MaxMessageBytes = int.MinValue },
        { nameof(BroadcasterOptions.ReconnectDelay), o => o.ReconnectDelay = TimeSpan.MinValue },
        { nameof(BroadcasterOptions.MaxReconnectDelay), o => o.MaxReconnectDelay = TimeSpan.FromDays(1) + TimeSpan.FromTicks(1) },
        { nameof(BroadcasterOptions.MaxReconnectDelay), o => o.MaxReconnectDelay = TimeSpan.MaxValue },
        { nameof(BroadcasterOptions.RestoreTimeout), o => o.RestoreTimeout = TimeSpan.FromDays(2) },
        { nameof(BroadcasterOptions.TimeProvider), o => o.TimeProvider = null! },
        { nameof(BroadcasterOptions.History), o => o.History = (HistoryKinds)(1 << 20) },
        { nameof(BroadcasterOptions.HistorySize), o => o.HistorySize = -1 },
        { nameof(BroadcasterOptions.HistorySize), o => o.HistorySize = 1_000_001 },
    };

    [Theory]
    [MemberData(nameof(Unworkable))]
    public async Task An_unworkable_setting_makes_the_constructor_throw_naming_it_and_get_errors_lists_it(string setting, Action<RedisBroadcasterOptions> configure)
    {
        await using var multiplexer = await _server.ConnectAsync();
        var options = new RedisBroadcasterOptions();
        configure(options);

        var error = Assert.Throws<ArgumentException>(() => new RedisBroadcaster(multiplexer, options));

        var listed = Assert.Single(options.GetErrors());
        Assert.StartsWith(setting, listed, StringComparison.Ordinal);
        Assert.Equal(listed, error.Message);
    }

    [Fact]
    public async Task Two_unworkable_settings_are_both_named_one_sentence_each()
    {
        // docs/pubsub.md: "one sentence per problem naming the setting". A retry delay of two days is refused once as
        // too long, and its cap, also two days, once for the same reason.
        await using var multiplexer = await _server.ConnectAsync();
        var options = new RedisBroadcasterOptions { ReconnectDelay = TimeSpan.FromDays(2), MaxReconnectDelay = TimeSpan.FromDays(2) };

        var error = Assert.Throws<ArgumentException>(() => new RedisBroadcaster(multiplexer, options));

        var errors = options.GetErrors();
        Assert.Equal(2, errors.Count);
        Assert.StartsWith(nameof(BroadcasterOptions.ReconnectDelay), errors[0], StringComparison.Ordinal);
        Assert.StartsWith(nameof(BroadcasterOptions.MaxReconnectDelay), errors[1], StringComparison.Ordinal);
        Assert.Equal(string.Join(" ", errors), error.Message);
    }

    [Fact]
    public async Task The_limits_themselves_are_accepted()
    {
        // The edges the errors name: a setting at its documented limit works.
        await using var multiplexer = await _server.ConnectAsync();
        var options = new RedisBroadcasterOptions
        {
            ChannelPrefix = new string('a', ChannelNames.MaxPrefixLength),
            MaxMessageBytes = 256,
            ReconnectDelay = BroadcasterOptions.MaxWait,
            MaxReconnectDelay = BroadcasterOptions.MaxWait,
            RestoreTimeout = BroadcasterOptions.MaxWait,
            SigningKey = new byte[BroadcasterOptions.MinSigningKeyBytes],
            History = HistoryKinds.All,
            HistorySize = 1_000_000,
            HistoryIdleExpiry = TimeSpan.FromSeconds(1),
        };

        Assert.Empty(options.GetErrors());
        await using var broadcaster = new RedisBroadcaster(multiplexer, options);
        Assert.Equal(options.ChannelPrefix, broadcaster.Channels.Prefix);
    }

    [Fact]
    public async Task Changing_the_options_or_the_signing_key_array_after_construction_changes_nothing()
    {
        // docs/pubsub.md: "changing the object afterwards changes nothing". The key is an array the caller still holds:
        // overwriting it in place must not change what the broadcaster signs with.
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var original = (byte[])key.Clone();
        await using var publisherMux = await _server.ConnectAsync();
        await using var receiverMux = await _server.ConnectAsync();
        var options = new RedisBroadcasterOptions { ChannelPrefix = "changed-later", SigningKey = key };
        await using var publisher = new RedisBroadcaster(publisherMux, options);
        options.ChannelPrefix = "something-else";
        options.MaxMessageBytes = 10;
        Array.Fill(key, (byte)0);
        await using var receiver = new RedisBroadcaster(receiverMux, new RedisBroadcasterOptions { ChannelPrefix = "changed-later", SigningKey = original });
        var arrived = new TaskCompletionSource<GroupActionMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await receiver.SubscribeGroupActionsAsync(m =>
        {
            arrived.TrySetResult(m);
            return ValueTask.CompletedTask;
        });
        await receiver.SubscribeToGroupActionAsync(new GroupId("g"));

        await publisher.PublishGroupActionAsync(new GroupId("g"), "signed-with-the-original", """{"n":1}"""u8.ToArray());

        Assert.Equal("changed-later", publisher.Channels.Prefix);
        Assert.Equal("signed-with-the-original", (await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10))).Action);
        Assert.Equal(0, receiver.GetStatistics().DroppedFor(DropReason.BadSignature));
    }
}
