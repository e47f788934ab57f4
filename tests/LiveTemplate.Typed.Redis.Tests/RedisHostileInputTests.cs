using System.Collections.Concurrent;
using System.Text;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis.Tests;

/// <summary>Envelopes a plain Redis client publishes straight onto an instance's channels: each is delivered or dropped, logged and counted once.</summary>
public sealed class RedisHostileInputTests : IAsyncLifetime
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly List<IAsyncDisposable> _owned = [];
    private RedisServer _server = null!;
    private ConnectionMultiplexer _raw = null!;

    public async Task InitializeAsync()
    {
        _server = Own(await RedisServer.StartAsync());
        _raw = Own(await _server.ConnectAsync());
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Fact]
    public async Task Edge_envelopes_from_a_plain_client_are_delivered_or_dropped_as_malformed_each_logged_once_and_the_next_arrives()
    {
        // Go's extra fields, nanoseconds and offsets, the largest seq, Go's zero time, surrounding whitespace, a repeated
        // field (the last one wins, as in Go) and nulls are read; out-of-range, fractional or mistyped values, trailing
        // bytes and non-objects are malformed.
        var (b, log, groupActions) = await StartReceiverAsync();
        var channel = b.Channels.GroupAction(new GroupId("g"));
        string[] delivered =
        [
            """{"type":"group_action","groupID":"g","action":"extra","seq":1,"timestamp":"2026-11-27T10:15:31.123456789+05:30","instanceID":"go","extra":{"n":[1,2,{"x":null}]},"more":-1e308}""",
            """{"type":"group_action","groupID":"g","action":"maxseq","seq":18446744073709551615,"timestamp":"0001-01-01T00:00:00Z","instanceID":"go"}""",
            """  {"type":"group_action","groupID":"g","action":"ws","timestamp":"2026-11-27T10:15:31Z","instanceID":"go"}  """,
            """{"type":"server_action","type":"group_action","groupID":"g","action":"dup"}""",
            """{"type":"group_action","groupID":"g","action":"nullseq","seq":null,"timestamp":null,"instanceID":"go"}""",
        ];
        string[] malformed =
        [
            """{"type":"group_action","groupID":"g","action":"over","seq":18446744073709551616}""",
            """{"type":"group_action","groupID":"g","action":"neg","seq":-1}""",
            """{"type":"group_action","groupID":"g","action":"frac","seq":1.5}""",
            """{"type":"group_action","groupID":"g","action":"badtime","timestamp":"2026-13-01T00:00:00Z"}""",
            """{"type":"group_action","groupID":"g","action":"trail"} x""",
            """{"type":"group_action","groupID":"g","action":"two"}{"type":"group_action","groupID":"g","action":"two"}""",
            """null""",
            """[]""",
            """{}""",
            """{"type":"group_action","groupID":"g","action":""}""",
            """{"type":"group_action","groupID":"g","action":"a","data":[1]}""",
        ];

        foreach (var text in delivered.Concat(malformed))
        {
            await _raw.GetSubscriber().PublishAsync(RedisChannel.Literal(channel), Encoding.UTF8.GetBytes(text));
        }

        await _raw.GetSubscriber().PublishAsync(RedisChannel.Literal(channel), Encoding.UTF8.GetBytes("""{"type":"group_action","groupID":"g","action":"last"}"""));
        await Eventually.UntilAsync(() => Task.FromResult(groupActions.Any(m => m.Action == "last")), TimeSpan.FromSeconds(10), "last");
        var stats = b.GetStatistics();
        Assert.Equal(["extra", "maxseq", "ws", "dup", "nullseq", "last"], groupActions.Select(m => m.Action));
        Assert.Equal(malformed.Length, stats.DroppedFor(DropReason.Malformed));
        Assert.Equal(malformed.Length, log.Entries.Count(e => e.EventId.Id == 1));
    }

    [Fact]
    public async Task A_signed_message_replayed_into_another_channel_as_it_is_or_rewritten_for_it_is_dropped_as_bad_signature()
    {
        // docs/pubsub.md: binding the channel means a signed message cannot be replayed into another channel.
        var (a, _, _) = await StartReceiverAsync(Key);
        var (b, _, groupActions) = await StartReceiverAsync(Key, "h");
        var captured = new ConcurrentQueue<byte[]>();
        var spy = await _raw.GetSubscriber().SubscribeAsync(RedisChannel.Literal(a.Channels.GroupAction(new GroupId("g"))));
        spy.OnMessage(m => captured.Enqueue((byte[])m.Message!));
        await a.PublishGroupActionAsync(new GroupId("g"), "signed", default);
        await Eventually.UntilAsync(() => Task.FromResult(!captured.IsEmpty), TimeSpan.FromSeconds(10), "captured");
        var envelope = captured.First();
        var replayed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(envelope).Replace("\"groupID\":\"g\"", "\"groupID\":\"h\"", StringComparison.Ordinal));

        await _raw.GetSubscriber().PublishAsync(RedisChannel.Literal(b.Channels.GroupAction(new GroupId("h"))), envelope);
        await _raw.GetSubscriber().PublishAsync(RedisChannel.Literal(b.Channels.GroupAction(new GroupId("h"))), replayed);
        await a.PublishGroupActionAsync(new GroupId("h"), "after", default);
        await Eventually.UntilAsync(() => Task.FromResult(groupActions.Any(m => m.Action == "after")), TimeSpan.FromSeconds(10), "after");

        Assert.Equal(2, b.GetStatistics().DroppedFor(DropReason.BadSignature));
    }

    private async Task<(RedisBroadcaster Broadcaster, RecordingLogger Log, ConcurrentQueue<GroupActionMessage> GroupActions)> StartReceiverAsync(byte[]? key = null, string group = "g")
    {
        var multiplexer = Own(await _server.ConnectAsync());
        var log = new RecordingLogger<RedisBroadcaster>();
        var broadcaster = Own(new RedisBroadcaster(multiplexer, new RedisBroadcasterOptions { SigningKey = key }, log));
        var received = new ConcurrentQueue<GroupActionMessage>();
        await broadcaster.SubscribeGroupActionsAsync(m =>
        {
            received.Enqueue(m);
            return ValueTask.CompletedTask;
        });
        await broadcaster.SubscribeToGroupActionAsync(new GroupId(group));
        return (broadcaster, log, received);
    }

    private T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
