using System.Text.Json;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

namespace LiveTemplate.Typed.AspNetCore.Tests.Presence;

/// <summary>
/// Presence through the host, two instances on one real redis-server: a browser tracks itself with a frame, the
/// group's browsers on the other instance list it and receive its join, update and leave frames; bad metadata is
/// refused with an error frame and the socket stays open.
/// </summary>
public sealed class PresenceTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_browser_tracked_on_A_is_listed_on_B_and_its_changes_reach_B_as_frames()
    {
        await using var watcherOnB = await LiveClient.ConnectAsync(instances.B.Board("p1", user: "bob-p1"));
        await watcherOnB.SendAsync("""{"presence":"list"}""");
        var empty = await watcherOnB.NextAsync("the empty list");
        Assert.Equal(("presence-list", 0), (empty.Type, empty.Root.GetProperty("members").GetArrayLength()));

        var aliceOnA = await LiveClient.ConnectAsync(instances.A.Board("p1", user: "alice-p1"));
        await aliceOnA.SendAsync("""{"presence":"track","data":{"name":"Alice","editingCardId":null}}""");
        var list = await aliceOnA.NextAsync("alice's own list");
        Assert.Equal("presence-list", list.Type);

        var join = await watcherOnB.NextAsync("alice's join on B");
        Assert.Equal(("presence", "join", "u:alice-p1", "alice-p1"), (join.Type, join.Get("event"), join.Get("member"), join.Get("userId")));
        Assert.Equal("Alice", join.Data.GetProperty("name").GetString());

        await aliceOnA.SendAsync("""{"presence":"update","data":{"name":"Alice","editingCardId":17}}""");
        var update = await watcherOnB.NextAsync("alice's update on B");
        Assert.Equal(("update", 17), (update.Get("event"), update.Data.GetProperty("editingCardId").GetInt32()));

        await watcherOnB.SendAsync("""{"presence":"list"}""");
        var members = (await watcherOnB.NextAsync("the list on B")).Root.GetProperty("members");
        var alice = Assert.Single(members.EnumerateArray());
        Assert.Equal(("u:alice-p1", 17), (alice.GetProperty("member").GetString(), alice.GetProperty("data").GetProperty("editingCardId").GetInt32()));

        await aliceOnA.DisposeAsync();
        var leave = await watcherOnB.NextAsync("alice's leave on B, when her socket closed");
        Assert.Equal(("leave", "u:alice-p1"), (leave.Get("event"), leave.Get("member")));
    }

    [Theory]
    [InlineData("""{"name":42}""", "name")]
    [InlineData("""{"name":"Alice","editingCardId":"seventeen"}""", "editingCardId")]
    [InlineData("""{"editingCardId":1}""", "name")]
    public async Task Metadata_that_is_not_the_endpoints_type_is_refused_and_the_socket_stays_open(string data, string named)
    {
        await using var browser = await LiveClient.ConnectAsync(instances.A.Board("p2"));
        await browser.SendAsync($$"""{"presence":"track","data":{{data}}}""");

        var error = await browser.NextAsync("the error frame");
        Assert.Equal(("error", LiveErrorCodes.InvalidPresence), (error.Type, error.Code));
        Assert.Contains(named, error.Get("message"));

        await browser.SendAsync("""{"presence":"list"}""");
        Assert.Equal(0, (await browser.NextAsync("the list, on the same socket")).Root.GetProperty("members").GetArrayLength());
    }

    [Fact]
    public async Task Metadata_over_the_bound_is_refused_naming_the_bound()
    {
        await using var browser = await LiveClient.ConnectAsync(instances.A.Board("p3"));
        await browser.SendAsync($$$"""{"presence":"track","data":{"name":"{{{new string('x', 2000)}}}"}}""");

        var error = await browser.NextAsync("the error frame");
        Assert.Equal(LiveErrorCodes.InvalidPresence, error.Code);
        Assert.Contains("at most 1024 bytes", error.Get("message"));
        Assert.False(browser.IsClosed);
    }

    [Fact]
    public async Task Update_before_track_is_not_allowed_track_again_is_an_update_and_the_fifth_refusal_closes_and_leaves()
    {
        await using var watcherOnB = await LiveClient.ConnectAsync(instances.B.Board("p4", user: "bob-p4"));
        await watcherOnB.SendAsync("""{"presence":"list"}""");
        Assert.Equal("presence-list", (await watcherOnB.NextAsync("the empty list")).Type);
        await using var ann = await LiveClient.ConnectAsync(instances.A.Board("p4", user: "ann-p4"));

        await ann.SendAsync("""{"presence":"update","data":{"name":"Ann"}}""");
        Assert.Equal(("error", LiveErrorCodes.NotAllowed), ErrorOf(await ann.NextAsync("update before track"))); // invalid frame 1

        await ann.SendAsync("""{"presence":"track","data":{"name":"Ann"}}""");
        Assert.Equal("presence-list", (await ann.NextAsync("her list")).Type);
        var join = await watcherOnB.NextAsync("ann's join");
        Assert.Equal(("join", "u:ann-p4"), (join.Get("event"), join.Get("member")));

        await ann.SendAsync("""{"presence":"track","data":{"name":"Ann","editingCardId":3}}""");
        var update = await watcherOnB.NextAsync("the second track, as an update");
        Assert.Equal(("update", "u:ann-p4", 3), (update.Get("event"), update.Get("member"), update.Data.GetProperty("editingCardId").GetInt32()));

        for (var i = 2; i <= 4; i++)
        {
            await ann.SendAsync("""{"presence":"update","data":{"name":42}}""");
            Assert.Equal(("error", LiveErrorCodes.InvalidPresence), ErrorOf(await NextErrorAsync(ann, $"refusal {i}")));
        }

        await ann.SendAsync("""{"presence":"update","data":{"name":42}}""");
        var (status, _) = await ann.ClosedAsync();
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, status);

        // Closed by the server: its presence goes with it, no ghost left behind.
        var leave = await watcherOnB.NextAsync("ann's leave after the 1008");
        Assert.Equal(("leave", "u:ann-p4"), (leave.Get("event"), leave.Get("member")));
        await watcherOnB.SendAsync("""{"presence":"list"}""");
        Assert.Equal(0, (await watcherOnB.NextAsync("the list, empty again")).Root.GetProperty("members").GetArrayLength());
    }

    private static (string?, string?) ErrorOf(Frame frame) => (frame.Type, frame.Code);

    // A tracked browser also receives its group's presence events: the next frame that is not one.
    private static async Task<Frame> NextErrorAsync(LiveClient browser, string what)
    {
        for (var i = 0; i < 10; i++)
        {
            var frame = await browser.NextAsync(what);
            if (frame.Type != "presence")
            {
                return frame;
            }
        }

        throw new Xunit.Sdk.XunitException($"No frame but presence events while waiting for {what}.");
    }

    [Fact]
    public async Task An_endpoint_without_presence_refuses_presence_frames()
    {
        await using var browser = await LiveClient.ConnectAsync(instances.A.WebSocketUri("/live"));
        await browser.SendAsync("""{"presence":"track","data":{"name":"Mallory"}}""");

        var error = await browser.NextAsync("the error frame");
        Assert.Equal(LiveErrorCodes.NotAllowed, error.Code);
    }
}
