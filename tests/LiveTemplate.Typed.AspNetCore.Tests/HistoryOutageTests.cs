using LiveTemplate.Typed.AspNetCore.Tests.Fixtures;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>A browser connected through a Redis that restarts without its data, with history on group actions.</summary>
public sealed class HistoryOutageTests
{
    private static readonly GroupId Board = new("board:outage");

    [Fact]
    public async Task A_browser_connected_while_redis_restarts_without_its_data_is_told_not_recovered_then_gets_the_new_epoch()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var multiplexer = await redis.ConnectAsync();
        await using var app = await TestApp.StartAsync(multiplexer, o => o.History = HistoryKinds.GroupAction);
        await using var browser = await LiveClient.ConnectAsync(app.Board("outage"));
        await app.Broadcaster.BroadcastAsync(Board, new Posted("m1", "service"));
        var first = Position(await browser.NextAsync("m1"));

        await redis.RestartAsync();

        var lost = await browser.NextAsync("not-recovered");
        Assert.Equal(("not-recovered", "group-action"), (lost.Type, lost.Get("stream")));
        Assert.Contains(lost.Get("reason"), new[] { "stream_missing", "epoch_changed" });
        await app.Broadcaster.BroadcastAsync(Board, new Posted("m2", "service"));
        var next = await browser.NextAsync("m2");
        Assert.Equal("m2", next.Text);
        Assert.Equal(1UL, Position(next).Offset);
        Assert.NotEqual(first.Epoch, Position(next).Epoch);
        Assert.Contains(app.Log.Entries, e => e.EventId.Id == 7);
    }

    [Fact]
    public async Task A_browser_resuming_while_redis_is_down_is_told_unavailable_and_it_is_counted()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var multiplexer = await redis.ConnectAsync("asyncTimeout=1000");
        await using var app = await TestApp.StartAsync(multiplexer, o =>
        {
            o.History = HistoryKinds.GroupAction;
            o.SubscribeTimeout = TimeSpan.FromSeconds(1); // the connect waits this long for Redis, then the read fails
        });
        string last, previousId;
        await using (var first = await LiveClient.ConnectAsync(app.Board("outage")))
        {
            await app.Broadcaster.BroadcastAsync(Board, new Posted("m1", "service"));
            last = (await first.NextAsync("m1")).Get("pos")!;
            previousId = first.ConnectionId;
        }

        await redis.KillAsync();
        var resume = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["connectionId"] = previousId, ["streams"] = new Dictionary<string, string> { ["group-action"] = last } });
        await using var resumed = await LiveClient.ConnectAsync(new UriBuilder(app.Board("outage")) { Query = "resume=" + Uri.EscapeDataString(resume) }.Uri);

        var lost = await resumed.NextAsync("not-recovered");
        Assert.Equal(("not-recovered", "group-action", "unavailable"), (lost.Type, lost.Get("stream"), lost.Get("reason")));
        Assert.Equal(1, ((ChannelBroadcaster)app.Broadcaster).GetStatistics().NotRecovered);
    }

    private static StreamPosition Position(Frame frame) => StreamPosition.TryParse(frame.Get("pos"), out var position) ? position : throw new InvalidOperationException($"No position in {frame}.");
}
