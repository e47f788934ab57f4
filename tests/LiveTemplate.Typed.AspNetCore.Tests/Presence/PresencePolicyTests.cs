using System.Text;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Presence;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTemplate.Typed.AspNetCore.Tests.Presence;

/// <summary>
/// An endpoint whose policy keeps browsers from setting their presence (<c>BrowserMayTrack = false</c>): the server
/// tracks each connection, and its browser can neither track, update nor untrack itself, only list and watch.
/// </summary>
public sealed class PresencePolicyTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("""{"presence":"track","data":{"name":"Mallory"}}""")]
    [InlineData("""{"presence":"update","data":{"name":"Mallory"}}""")]
    [InlineData("""{"presence":"untrack"}""")]
    public async Task A_browser_that_may_not_track_cannot_change_the_presence_the_server_set(string frame)
    {
        await using var browser = await LiveClient.ConnectAsync(_app.WebSocketUri("/watched/policy"));
        var presence = _app.Services.GetRequiredService<IPresence>();
        await presence.TrackAsync(new GroupId("board:policy"), browser.ConnectionId, null, Encoding.UTF8.GetBytes("""{"name":"Guest"}"""));

        await browser.SendAsync(frame);

        var refused = await browser.NextAsync("the refusal");
        Assert.Equal(("error", LiveErrorCodes.NotAllowed), (refused.Type, refused.Code));
        await browser.SendAsync("""{"presence":"list"}""");
        var listed = Assert.Single((await browser.NextAsync("the list")).Root.GetProperty("members").EnumerateArray());
        Assert.Equal("Guest", listed.GetProperty("data").GetProperty("name").GetString());
        Assert.True(presence.IsTracked(browser.ConnectionId));
    }
    [Fact]
    public async Task A_handler_lists_only_its_own_group_and_user_unless_MayListOther_allows_the_scope()
    {
        var presence = _app.Services.GetRequiredService<IPresence>();
        await presence.TrackAsync(new GroupId("board:secret"), "secret-conn", new UserId("mallory"), default);
        await presence.TrackAsync(new GroupId("board:public"), "public-conn", null, default);

        // /boards: no MayListOther, deny by default. /watched: MayListOther allows g:board:public only.
        await using var onBoards = await LiveClient.ConnectAsync(_app.Board("own", user: "olive"));
        await using var onWatched = await LiveClient.ConnectAsync(_app.WebSocketUri("/watched/own", user: "olive"));
        var asked = new (LiveClient Browser, string Data, string Expected)[]
        {
            (onBoards, """{"group":"board:own"}""", "listed 0"),
            (onBoards, """{"user":"olive"}""", "listed 0"),
            (onBoards, """{"group":"board:secret"}""", "unauthorized"),
            (onBoards, """{"user":"mallory"}""", "unauthorized"),
            (onBoards, """{"group":"board:public"}""", "unauthorized"),
            (onWatched, """{"group":"board:public"}""", "listed 1"),
            (onWatched, """{"group":"board:secret"}""", "unauthorized"),
            (onWatched, """{"user":"mallory"}""", "unauthorized"),
        };
        foreach (var (browser, data, expected) in asked)
        {
            await browser.SendActionAsync("list-scope", data);
            var answer = await browser.NextAsync("the answer to " + data);
            Assert.True(answer.Text == expected, $"{data}: expected '{expected}', got '{answer.Text}' ({answer.Raw})");
        }
    }
}
