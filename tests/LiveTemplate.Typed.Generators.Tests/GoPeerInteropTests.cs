using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.Generators.Tests.Fixtures;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// A real Go program (GoPeer/peer.go: encoding/json, livetemplate-shaped structs, RESP over TCP) and a .NET
/// <see cref="RedisBroadcaster"/> on one redis-server exchange server, group and topic actions both ways, with the
/// data a Go user produces: Go's escapes, non-ASCII text, integers past a double's precision, empty strings, absent
/// members, no data, and envelopes whose fields come in another order.
/// </summary>
public sealed class GoPeerInteropTests : IAsyncLifetime
{
    private const string GoInstance = "go-instance-1";
    private static readonly UserId User = new("ålice");
    private static readonly GroupId Board = new("R&D <board>");
    private static readonly Topic Room = new("news/Q4_2026-r-d");

    // What a Go user puts in a map[string]interface{} (numbers as int64/uint64, so exact), as JSON.
    private const string NoteData = """{"text":"hi <all> & é 😀 \u2028 \"q\" \\ \t","empty":"","big":9007199254740993,"huge":18446744073709551615,"ratio":1e-07,"price":0.30000000000000004}""";

    private readonly List<IAsyncDisposable> _owned = [];
    private RedisServer _server = null!;
    private RedisBroadcaster _broadcaster = null!;
    private ConnectionRegistry _registry = null!;
    private GoPeer _go = null!;

    public async Task InitializeAsync()
    {
        _server = await RedisServer.StartAsync();
        _owned.Add(_server);
        var multiplexer = await _server.ConnectAsync();
        _owned.Add(multiplexer);
        _broadcaster = new RedisBroadcaster(multiplexer);
        _owned.Add(_broadcaster);
        _registry = await ConnectionRegistry.AttachAsync(_broadcaster);
        _owned.Add(_registry);
        _go = await GoPeer.StartAsync(_server.Endpoint, GoInstance);
        _owned.Add(_go);
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Server_group_and_topic_actions_published_by_go_run_the_typed_handlers(bool fieldsInAnotherOrder)
    {
        var connection = await _registry.RegisterAsync("tab-1", Board, User);
        await _registry.SubscribeAsync(connection, Room);
        var handler = new GoPeerHandler();

        Assert.Equal(1, await _go.PublishAsync("server_action", User.Value, "go-note", NoteData, fieldsInAnotherOrder));
        Assert.Equal(1, await _go.PublishAsync("group_action", Board.Value, "go-moved", """{"cardId":17,"column":"","movedAt":-9223372036854775808}""", fieldsInAnotherOrder));
        Assert.Equal(1, await _go.PublishAsync("topic_action", Room.Value, "GoMessage", """{"from":"bob","text":"\u003cb\u003e","n":9223372036854775807,"at":"2026-11-27T15:45:31.123456789+05:45","blob":"AP8H"}""", fieldsInAnotherOrder));
        Assert.Equal(1, await _go.PublishAsync("server_action", User.Value, "go-ping", "-", fieldsInAnotherOrder));

        foreach (var received in await connection.Outbound.NextAsync(4))
        {
            var result = received switch
            {
                ServerActionMessage m => await handler.DispatchAsync(m, connection),
                GroupActionMessage m => await handler.DispatchAsync(m, connection),
                TopicActionMessage m => await handler.DispatchAsync(m, connection),
                _ => throw new InvalidOperationException("Not an action: " + received),
            };
            Assert.True(result.IsHandled, result.Detail);
            Assert.Equal(GoInstance, received.InstanceId);
        }

        // Each channel keeps its order; the three channels are delivered independently.
        Assert.Equal(
            [
                new GoNote("hi <all> & é 😀 \u2028 \"q\" \\ \t", "", 9007199254740993, ulong.MaxValue, 1e-07, 0.30000000000000004m, null),
                new GoPing(),
            ],
            handler.Handled.Where(a => a is GoNote or GoPing));
        Assert.Equal(new GoMoved(17, "", long.MinValue), Assert.Single(handler.Handled.OfType<GoMoved>()));
        var message = Assert.Single(handler.Handled.OfType<GoMessage>());
        Assert.Equal(("bob", "<b>", long.MaxValue), (message.From, message.Text, message.N));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 45, 31, TimeSpan.FromMinutes(345)).AddTicks(1234567), message.At);
        Assert.Equal(TimeSpan.FromMinutes(345), message.At.Offset);
        Assert.Equal(new byte[] { 0, 255, 7 }, message.Blob);
    }

    [Fact]
    public async Task Typed_server_group_and_topic_actions_published_by_dotnet_are_decoded_by_go()
    {
        await _go.SubscribeAsync("livetemplate:action:user:ålice");
        await _go.SubscribeAsync("livetemplate:groupaction:group:R&D <board>");
        await _go.SubscribeAsync("livetemplate:topic:news/Q4_2026-r-d");

        await _broadcaster.TriggerAsync(User, new GoNote("hi <all> & é 😀 \u2028 \"q\" \\ \t", "", 9007199254740993, ulong.MaxValue, 1e-07, 0.30000000000000004m, null));
        await _broadcaster.BroadcastAsync(Board, new GoMoved(17, "", long.MinValue));
        await _broadcaster.PublishAsync(Room, new GoMessage("bob", "<b>", long.MaxValue, new DateTimeOffset(2026, 11, 27, 15, 45, 31, TimeSpan.FromMinutes(345)).AddTicks(1234567), [0, 255, 7]));
        await _broadcaster.TriggerAsync(User, new GoPing());

        // Each channel keeps its order; the three channels are delivered independently.
        string[] decodedByGo = [await _go.NextMessageAsync(), await _go.NextMessageAsync(), await _go.NextMessageAsync(), await _go.NextMessageAsync()];
        decodedByGo = [.. decodedByGo.Where(l => l.Contains("|ålice|", StringComparison.Ordinal)), .. decodedByGo.Where(l => !l.Contains("|ålice|", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        Assert.Equal(
            [
                "MSG server_action|ålice|go-note|{\"big\":9007199254740993,\"empty\":\"\",\"huge\":18446744073709551615,\"missing\":null,\"price\":0.30000000000000004,\"ratio\":1E-07,\"text\":\"hi <all> & é 😀 \\u2028 \\\"q\\\" \\\\ \\t\"}",
                "MSG server_action|ålice|go-ping|{}",
                "MSG group_action|R&D <board>|go-moved|{\"cardId\":17,\"column\":\"\",\"movedAt\":-9223372036854775808}",
                "MSG topic_action|news/Q4_2026-r-d|GoMessage|{\"at\":\"2026-11-27T15:45:31.1234567+05:45\",\"blob\":\"AP8H\",\"from\":\"bob\",\"n\":9223372036854775807,\"text\":\"<b>\"}",
            ],
            decodedByGo);
    }

    [Fact]
    public async Task With_history_on_go_actions_are_delivered_live_and_go_decodes_the_positioned_ones()
    {
        var multiplexer = await _server.ConnectAsync();
        _owned.Add(multiplexer);
        var withHistory = new RedisBroadcaster(multiplexer, new RedisBroadcasterOptions { History = HistoryKinds.All });
        _owned.Add(withHistory);
        var registry = await ConnectionRegistry.AttachAsync(withHistory);
        _owned.Add(registry);
        var connection = await registry.RegisterAsync("tab-1", Board, User);
        await _go.SubscribeAsync("livetemplate:groupaction:group:R&D <board>");

        Assert.Equal(2, await _go.PublishAsync("group_action", Board.Value, "go-moved", """{"cardId":1,"column":"todo","movedAt":1}"""));
        var fromGo = Assert.IsType<GroupActionMessage>(await connection.Outbound.NextAsync());
        Assert.Equal("MSG OWN", await _go.NextMessageAsync());
        await withHistory.BroadcastAsync(Board, new GoMoved(2, "done", 2));
        var fromDotnet = Assert.IsType<GroupActionMessage>(await connection.Outbound.NextAsync());

        Assert.Null(fromGo.Position);
        Assert.NotNull(fromDotnet.Position);
        Assert.Equal(GoInstance, fromGo.InstanceId);
        Assert.Equal("MSG group_action|R&D <board>|go-moved|{\"cardId\":2,\"column\":\"done\",\"movedAt\":2}", await _go.NextMessageAsync());
        var handler = new GoPeerHandler();
        Assert.True((await handler.DispatchAsync(fromGo, connection)).IsHandled);
        Assert.Equal(new GoMoved(1, "todo", 1), Assert.Single(handler.Handled));
    }

    [Fact]
    public async Task A_go_topic_action_reaching_an_exact_and_a_pattern_subscription_is_delivered_once_to_each()
    {
        var exact = await _registry.RegisterAsync("tab-1", Board, User);
        var byPattern = await _registry.RegisterAsync("tab-2", Board, new UserId("bob"));
        await _registry.SubscribeAsync(exact, Room);
        await _registry.SubscribeAsync(byPattern, new TopicPattern("news/*"));

        // One SUBSCRIBE and one PSUBSCRIBE: Redis hands each publish to this instance twice.
        Assert.Equal(2, await _go.PublishAsync("topic_action", Room.Value, "GoMessage", """{"from":"go","text":"first","n":1,"at":"2026-11-27T10:15:30Z"}"""));
        Assert.Equal(1, await _go.PublishAsync("group_action", Board.Value, "go-moved", """{"cardId":1,"column":"todo","movedAt":1}"""));
        Assert.Equal(2, await _go.PublishAsync("topic_action", Room.Value, "GoMessage", """{"from":"go","text":"second","n":2,"at":"2026-11-27T10:15:30Z"}"""));

        foreach (var connection in new[] { exact, byPattern })
        {
            var received = await connection.Outbound.NextAsync(3);
            Assert.Equal([1UL, 2UL, 3UL], received.Select(m => m switch { TopicActionMessage t => t.Seq, GroupActionMessage g => g.Seq, _ => 0UL }).Order());
            Assert.Equal(2, received.OfType<TopicActionMessage>().Count());
        }

        // Nothing more: the second copies were dropped (bounded wait for a copy that must not come).
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal((0, 0), (exact.Outbound.Count, byPattern.Outbound.Count));
    }
}
