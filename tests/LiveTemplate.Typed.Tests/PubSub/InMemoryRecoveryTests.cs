using System.Text;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using LiveTemplate.Typed.Testing.Specification;

namespace LiveTemplate.Typed.Tests.PubSub;

/// <summary>
/// Recovery on the in-memory network, which can hold an instance away from it (<see cref="InMemoryNetwork.Disconnect"/>)
/// for as long as a test needs: gaps filled from history in order and once, a quiet channel caught up, losses told.
/// (Against Redis the fault suite does the same with real outages.)
/// </summary>
public sealed class InMemoryRecoveryTests : IAsyncLifetime
{
    private static readonly GroupId Board = new("board");
    private readonly InMemoryNetwork _network = new();
    private readonly List<TestInstance> _instances = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_instance_cut_off_gets_what_it_missed_from_history_in_order_once_before_live_messages()
    {
        var a = await StartAsync(WithHistory());
        var b = await StartAsync(WithHistory());
        var onB = await b.ConnectAsync("board");
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":1}"""));
        Assert.Equal(1UL, (await onB.Outbound.NextAsync()).Position!.Value.Offset);

        _network.Disconnect((InMemoryBroadcaster)b.Broadcaster);
        for (var i = 2; i <= 6; i++)
        {
            await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8($$"""{"n":{{i}}}"""));
        }

        _network.Reconnect((InMemoryBroadcaster)b.Broadcaster);
        await b.Log.WaitForAsync(e => e.Message.StartsWith("Recovered 5 message(s)", StringComparison.Ordinal), Eventually.MessageTimeout);
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":7}"""));

        var messages = await onB.Outbound.NextAsync(6);
        Assert.Equal(Enumerable.Range(2, 6).Select(i => $$"""{"n":{{i}}}"""), messages.Select(m => Text(AsGroupAction(m).Data)));
        Assert.Equal(5, b.Broadcaster.GetStatistics().Recovered);
        Assert.False(onB.Outbound.TryRead(out _));
    }

    [Fact]
    public async Task A_quiet_channel_catches_up_after_the_outage_without_waiting_for_a_live_message()
    {
        var a = await StartAsync(WithHistory());
        var b = await StartAsync(WithHistory());
        var onB = await b.ConnectAsync("board");

        _network.Disconnect((InMemoryBroadcaster)b.Broadcaster);
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":1}"""));
        _network.Reconnect((InMemoryBroadcaster)b.Broadcaster);

        Assert.Equal("""{"n":1}""", Text(AsGroupAction(await onB.Outbound.NextAsync()).Data));
        await b.Log.WaitForAsync(e => e.Message.StartsWith("Recovered 1 message(s)", StringComparison.Ordinal), Eventually.MessageTimeout);
    }

    [Fact]
    public async Task What_the_history_no_longer_holds_is_told_to_the_scope_s_connections_counted_and_logged_before_what_follows()
    {
        var a = await StartAsync(WithHistory(o => o.HistorySize = 3));
        var b = await StartAsync(WithHistory(o => o.HistorySize = 3));
        var onB = await b.ConnectAsync("board");
        var elsewhere = await b.ConnectAsync("other-board");
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":1}"""));
        await onB.Outbound.NextAsync();

        _network.Disconnect((InMemoryBroadcaster)b.Broadcaster);
        for (var i = 2; i <= 10; i++)
        {
            await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8($$"""{"n":{{i}}}"""));
        }

        _network.Reconnect((InMemoryBroadcaster)b.Broadcaster);

        var notice = Assert.IsType<NotRecoveredMessage>(await onB.Outbound.NextAsync());
        Assert.Equal((NotRecoveredReason.Trimmed, 1UL, 7UL), (notice.Reason, notice.LastKnown!.Value.Offset, notice.ResumedAfter!.Value.Offset));
        Assert.Equal(a.Broadcaster.Channels.GroupAction(Board), notice.Channel);
        Assert.Equal(["""{"n":8}""", """{"n":9}""", """{"n":10}"""], (await onB.Outbound.NextAsync(3)).Select(m => Text(AsGroupAction(m).Data)));
        Assert.Equal(1, b.Broadcaster.GetStatistics().NotRecovered);
        Assert.Contains(b.Log.Entries, e => e.Message.StartsWith("Could not recover messages of channel", StringComparison.Ordinal) && (string?)e.Fields["reason"] == "trimmed");
        Assert.False(elsewhere.Outbound.TryRead(out _));
    }

    [Fact]
    public async Task History_lost_while_an_instance_was_away_is_told_as_a_new_epoch_and_the_new_epoch_is_delivered()
    {
        var a = await StartAsync(WithHistory());
        var b = await StartAsync(WithHistory());
        var onB = await b.ConnectAsync("board");
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":1}"""));
        var before = (await onB.Outbound.NextAsync()).Position!.Value;

        _network.Disconnect((InMemoryBroadcaster)b.Broadcaster);
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":2}"""));
        _network.ForgetHistory();
        await a.Broadcaster.PublishGroupActionAsync(Board, "move", Utf8("""{"n":3}"""));
        _network.Reconnect((InMemoryBroadcaster)b.Broadcaster);

        var notice = Assert.IsType<NotRecoveredMessage>(await onB.Outbound.NextAsync());
        Assert.Equal((NotRecoveredReason.EpochChanged, before), (notice.Reason, notice.LastKnown!.Value));
        var next = await onB.Outbound.NextAsync();
        Assert.Equal("""{"n":3}""", Text(AsGroupAction(next).Data));
        Assert.NotEqual(before.Epoch, next.Position!.Value.Epoch);
        Assert.Equal(1UL, next.Position!.Value.Offset);
    }

    private async Task<TestInstance> StartAsync(Action<BroadcasterOptions>? configure = null)
    {
        var options = new BroadcasterOptions { History = HistoryKinds.GroupAction, ReconnectDelay = TimeSpan.FromMilliseconds(50) };
        configure?.Invoke(options);
        var log = new RecordingLogger<InMemoryBroadcaster>();
        var broadcaster = new InMemoryBroadcaster(_network, options, log);
        var instance = new TestInstance(broadcaster, await ConnectionRegistry.AttachAsync(broadcaster), log);
        _instances.Add(instance);
        return instance;
    }

    private static Action<BroadcasterOptions> WithHistory(Action<BroadcasterOptions>? more = null) => options => more?.Invoke(options);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);

    private static GroupActionMessage AsGroupAction(PubSubMessage message) => Assert.IsType<GroupActionMessage>(message);
}
