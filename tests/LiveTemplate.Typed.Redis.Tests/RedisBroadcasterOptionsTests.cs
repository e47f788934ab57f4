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
}
