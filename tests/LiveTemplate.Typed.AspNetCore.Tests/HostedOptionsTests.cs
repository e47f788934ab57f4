using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Diagnostics;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;
using LiveTemplate.Typed.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// One options model for a hosted app: every broadcaster setting is a <see cref="LiveTemplateOptions"/> setting, bound
/// from configuration (the signing key as base64) or set in code, and a setting that cannot work stops the start-up
/// with its name in the error.
/// </summary>
public sealed class HostedOptionsTests
{
    [Fact]
    public async Task A_signing_key_from_configuration_and_the_same_key_from_code_sign_and_verify_between_instances()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await using var redis = await RedisServer.StartAsync();
        await using var a = await TestApp.StartAsync(live => live.AddRedis(redis.Endpoint), "--LiveTemplate:SigningKey=" + Convert.ToBase64String(key));
        await using var b = await TestApp.StartAsync(live => live.AddRedis(redis.Endpoint).Configure(o => o.SigningKey = key));
        await using var onB = await LiveClient.ConnectAsync(b.Board("signed"));
        await using var intruder = await redis.ConnectAsync();

        await intruder.GetSubscriber().PublishAsync(RedisChannel.Literal(ChannelNames.Default.GroupAction(new GroupId("board:signed"))), """{"type":"group_action","groupID":"board:signed","action":"posted","data":{"text":"forged","from":"x"},"seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"intruder"}""");
        await a.Broadcaster.BroadcastAsync(new GroupId("board:signed"), new Fixtures.Posted("genuine", "a"));

        Assert.Equal("genuine", (await onB.NextAsync("the signed action from A")).Text);
        Assert.Equal(1, ((ChannelBroadcaster)b.Broadcaster).GetStatistics().DroppedFor(DropReason.BadSignature));
        Assert.Equal(key, a.Services.GetRequiredService<IOptions<LiveTemplateOptions>>().Value.SigningKey);
    }

    [Fact]
    public async Task Broadcaster_and_connection_settings_from_configuration_reach_the_broadcaster_and_the_registry()
    {
        await using var app = await TestApp.StartAsync(
            _ => { },
            "--LiveTemplate:MaxMessageBytes=1024",
            "--LiveTemplate:RestoreTimeout=00:00:07",
            "--LiveTemplate:ReconnectDelay=00:00:00.250",
            "--LiveTemplate:OutboundFullMode=DropOldest",
            "--LiveTemplate:SubscribeTimeout=00:00:02",
            "--LiveTemplate:ChannelPrefix=boards");

        var options = app.Services.GetRequiredService<IOptions<LiveTemplateOptions>>().Value;
        Assert.Equal((1024, TimeSpan.FromSeconds(7), TimeSpan.FromMilliseconds(250), OutboundFullMode.DropOldest, TimeSpan.FromSeconds(2)), (options.MaxMessageBytes, options.RestoreTimeout, options.ReconnectDelay, options.OutboundFullMode, options.SubscribeTimeout));
        var broadcaster = (ChannelBroadcaster)app.Broadcaster;
        Assert.Equal("boards", broadcaster.Channels.Prefix);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => broadcaster.PublishToGroupAsync(new GroupId("g"), new byte[2000]));
        Assert.Contains("MaxMessageBytes is 1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_Redis_setting_without_AddRedis_is_no_setting_and_the_app_runs_in_memory()
    {
        // As the sample's own switch reads it: LiveTemplate:Redis= (empty) is the in-memory default.
        await using var app = await TestApp.StartAsync(_ => { }, "--LiveTemplate:Redis=");

        Assert.IsType<InMemoryBroadcaster>(app.Broadcaster);
    }

    [Theory]
    [InlineData("--LiveTemplate:SigningKey=c2hvcnQ=", "SigningKey must be at least 16 bytes long (was 5)")]
    [InlineData("--LiveTemplate:MaxMessageBytes=10", "MaxMessageBytes must be at least 256 (was 10)")]
    [InlineData("--LiveTemplate:RestoreTimeout=00:00:00", "RestoreTimeout must be positive")]
    [InlineData("--LiveTemplate:ChannelPrefix=no spaces", "ChannelPrefix: The channel prefix may only contain")]
    [InlineData("--LiveTemplate:SubscribeTimeout=-00:00:01", "SubscribeTimeout must be positive")]
    [InlineData("--LiveTemplate:SubscribeTimeout=2.00:00:00", "SubscribeTimeout must be positive and at most 1 day")]
    [InlineData("--LiveTemplate:SendTimeout=60.00:00:00", "SendTimeout must be positive and at most 1 day")]
    [InlineData("--LiveTemplate:CloseTimeout=60.00:00:00", "CloseTimeout must be positive and at most 1 day")]
    [InlineData("--LiveTemplate:ShutdownTimeout=60.00:00:00", "ShutdownTimeout must be positive and at most 1 day")]
    [InlineData("--LiveTemplate:KeepAliveInterval=60.00:00:00", "KeepAliveInterval must not be negative (zero sends no keep-alive frame) and at most 1 day")]
    [InlineData("--LiveTemplate:KeepAliveTimeout=-00:00:01", "KeepAliveTimeout must not be negative (zero waits for no answer) and at most 1 day")]
    [InlineData("--LiveTemplate:KeepAliveTimeout=2.00:00:00", "KeepAliveTimeout must not be negative (zero waits for no answer) and at most 1 day")]
    [InlineData("--LiveTemplate:Redis=127.0.0.1:6379", "Redis is set, but no backplane reads it and the app would run in memory: add the LiveTemplate.Typed.Redis package and call AddLiveTemplate().AddRedis()")]
    [InlineData("--LiveTemplate:UseShardedPubSub=true", "UseShardedPubSub is set, but no backplane reads it")]
    [InlineData("--LiveTemplate:AllowedOrigins:0=https://board.example/", "AllowedOrigins: 'https://board.example/' is not an origin")]
    [InlineData("--LiveTemplate:AllowedOrigins:0=board.example", "AllowedOrigins: 'board.example' is not an origin")]
    [InlineData("--LiveTemplate:Presence:Timeout=00:00:01", "Presence.Timeout must be at least twice HeartbeatInterval")]
    [InlineData("--LiveTemplate:Presence:MaxMetadataBytes=1", "Presence.MaxMetadataBytes must be from 2 to 65536 (was 1)")]
    public async Task A_setting_that_cannot_work_stops_the_start_up_naming_the_setting(string argument, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(_ => { }, argument));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signing_key_that_is_not_base64_stops_the_start_up_naming_the_setting_not_showing_the_value()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(_ => { }, "--LiveTemplate:SigningKey=hunter2, not base64!", "--LiveTemplate:MaxFrameBytes=10"));

        Assert.Equal(["LiveTemplate: SigningKey must be base64 (its value is a secret: not shown).", "LiveTemplate: MaxFrameBytes must be between 256 bytes and 16 MiB."], error.Failures);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_configuration_cannot_convert_and_names_that_are_no_setting_are_all_reported_with_the_other_errors()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(
            _ => { },
            "--LiveTemplate:OutboundFullMode=Sideways",
            "--LiveTemplate:SendTimeout=soon",
            "--LiveTemplate:Presence:Events=Everything",
            "--LiveTemplate:History=GroupAction, Gossip",
            "--LiveTemplate:SendTimout=00:00:05",
            "--LiveTemplate:Presence:Heartbeat=00:00:05",
            "--LiveTemplate:MaxFrameBytes=10"));

        Assert.Collection(
            error.Failures.Order(StringComparer.Ordinal),
            f => Assert.Equal("LiveTemplate: Failed to convert configuration value 'Everything' at 'LiveTemplate:Presence:Events' to type 'LiveTemplate.Typed.Presence.PresenceEvents'.", f),
            f => Assert.Equal("LiveTemplate: Failed to convert configuration value 'GroupAction, Gossip' at 'LiveTemplate:History' to type 'LiveTemplate.Typed.PubSub.HistoryKinds'.", f),
            f => Assert.Equal("LiveTemplate: Failed to convert configuration value 'Sideways' at 'LiveTemplate:OutboundFullMode' to type 'LiveTemplate.Typed.Connections.OutboundFullMode'.", f),
            f => Assert.Equal("LiveTemplate: Failed to convert configuration value 'soon' at 'LiveTemplate:SendTimeout' to type 'System.TimeSpan'.", f),
            f => Assert.StartsWith("LiveTemplate: MaxFrameBytes must be between", f, StringComparison.Ordinal),
            f => Assert.Equal("LiveTemplate: Presence:Heartbeat is not a setting, so it would be ignored (misspelt?).", f),
            f => Assert.Equal("LiveTemplate: SendTimout is not a setting, so it would be ignored (misspelt?).", f));
    }

    [Fact]
    public async Task The_backplane_settings_under_the_section_are_not_taken_for_misspelt_names()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var app = await TestApp.StartAsync(live => live.AddRedis(), "--LiveTemplate:Redis=" + redis.Endpoint, "--LiveTemplate:UseShardedPubSub=false", "--LiveTemplate:SendTimeout=00:00:03");

        Assert.Equal(TimeSpan.FromSeconds(3), app.Services.GetRequiredService<IOptions<LiveTemplateOptions>>().Value.SendTimeout);
        Assert.IsType<RedisBroadcaster>(app.Broadcaster);
    }

    [Fact]
    public async Task AddRedis_without_arguments_uses_the_configured_connection_string_and_the_sharded_setting()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var app = await TestApp.StartAsync(live => live.AddRedis(), "--LiveTemplate:Redis=" + redis.Endpoint, "--LiveTemplate:UseShardedPubSub=false");

        var broadcaster = Assert.IsType<RedisBroadcaster>(app.Broadcaster);
        await using var tab = await LiveClient.ConnectAsync(app.Board("configured"));
        await using var other = await redis.ConnectAsync();
        await Eventually.UntilAsync(async () => await other.GetServer(redis.Endpoint).SubscriptionSubscriberCountAsync(RedisChannel.Literal(broadcaster.Channels.GroupAction(new GroupId("board:configured")))) == 1, LiveClient.Timeout, "the board's channel subscribed on the configured Redis");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_connection_the_sdk_opens_from_a_configuration_string_is_closed_with_the_app(bool fromConfiguration)
    {
        // docs/aspnetcore.md: AddRedis("host:port") and AddRedis() with LiveTemplate:Redis are opened by the SDK and closed with the app.
        await using var redis = await RedisServer.StartAsync();
        await using var admin = await redis.ConnectAsync("allowAdmin=true");
        var server = admin.GetServer(redis.Endpoint);
        var before = (await server.ClientListAsync()).Length;
        var app = fromConfiguration
            ? await TestApp.StartAsync(live => live.AddRedis(), "--LiveTemplate:Redis=" + redis.Endpoint)
            : await TestApp.StartAsync(live => live.AddRedis(redis.Endpoint));
        Assert.IsType<RedisBroadcaster>(app.Broadcaster);
        Assert.True((await server.ClientListAsync()).Length > before);

        await app.DisposeAsync();

        await Eventually.UntilAsync(async () => (await server.ClientListAsync()).Length == before, TimeSpan.FromSeconds(10), "the app's connections to Redis closed");
    }

    [Fact]
    public async Task AddRedis_without_a_connection_string_or_a_multiplexer_stops_the_start_up_saying_what_is_missing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(live => live.AddRedis()));

        Assert.Contains("LiveTemplate:Redis", error.Message, StringComparison.Ordinal);
        Assert.Contains("IConnectionMultiplexer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sharded_setting_that_is_not_a_boolean_stops_the_start_up_naming_the_key()
    {
        await using var redis = await RedisServer.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(live => live.AddRedis(redis.Endpoint), "--LiveTemplate:UseShardedPubSub=maybe"));

        Assert.Contains("LiveTemplate:UseShardedPubSub must be true or false (was 'maybe')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Presence_is_sharded_and_prefixed_as_the_broadcaster_when_AddRedis_sets_them_in_code()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var app = await TestApp.StartAsync(live => live.AddRedis(redis.Endpoint, o => (o.UseShardedPubSub, o.ChannelPrefix) = (true, "coded")));
        var presence = app.Services.GetRequiredService<LiveTemplate.Typed.Presence.IPresence>();

        await using var watch = await presence.WatchAsync(LiveTemplate.Typed.Presence.PresenceScope.Of(new GroupId("board:sharded")), _ => default);

        await using var other = await redis.ConnectAsync();
        var reply = (RedisResult[])(await other.GetDatabase().ExecuteAsync("PUBSUB", "SHARDNUMSUB", "coded:presence:g:board:sharded"))!;
        Assert.Equal(1, (long)reply[1]);
    }

    [Fact]
    public async Task AddRedis_runs_its_configure_delegate_once_for_the_broadcaster_and_presence_together()
    {
        await using var redis = await RedisServer.StartAsync();
        var calls = 0;
        await using var app = await TestApp.StartAsync(live => live.AddRedis(redis.Endpoint, o => (calls, o.ChannelPrefix) = (calls + 1, "once")));
        var presence = app.Services.GetRequiredService<LiveTemplate.Typed.Presence.IPresence>();

        await using var watch = await presence.WatchAsync(LiveTemplate.Typed.Presence.PresenceScope.Of(new GroupId("board:once")), _ => default);

        Assert.Equal("once", ((ChannelBroadcaster)app.Broadcaster).Channels.Prefix);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Presence_settings_from_configuration_reach_the_tracker()
    {
        await using var app = await TestApp.StartAsync(_ => { }, "--LiveTemplate:Presence:MaxMetadataBytes=100", "--LiveTemplate:Presence:Events=PerConnection");
        var presence = app.Services.GetRequiredService<LiveTemplate.Typed.Presence.IPresence>();
        var group = new GroupId("board:options");

        await Assert.ThrowsAsync<ArgumentException>(() => presence.TrackAsync(group, "c1", null, System.Text.Encoding.UTF8.GetBytes("{\"n\":\"" + new string('x', 100) + "\"}")));
        await presence.TrackAsync(group, "c2", new UserId("alice"), default);
        await presence.TrackAsync(group, "c3", new UserId("alice"), default);
        Assert.Equal(new LiveTemplate.Typed.Presence.PresenceCount(2, 2), await presence.CountAsync(LiveTemplate.Typed.Presence.PresenceScope.Of(group)));
    }

    [Fact]
    public async Task A_meter_factory_set_in_code_makes_the_meters_of_the_broadcaster_and_of_the_connections()
    {
        using var factory = new RecordingMeterFactory();
        var instruments = new ConcurrentQueue<string>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (factory.Made(instrument.Meter))
                {
                    instruments.Enqueue(instrument.Name);
                }
            },
        };
        listener.Start();

        await using var app = await TestApp.StartAsync(configure: o => o.MeterFactory = factory);
        await using var client = await LiveClient.ConnectAsync(app.Board("metered"));

        Assert.Contains(LiveTemplateMeter.ActiveConnections, instruments);
        Assert.Contains(LiveTemplateMeter.ActiveSubscriptions, instruments);
    }

    private sealed class RecordingMeterFactory : IMeterFactory
    {
        private readonly ConcurrentQueue<Meter> _meters = new();

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            _meters.Enqueue(meter);
            return meter;
        }

        public bool Made(Meter meter) => _meters.Contains(meter);

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
