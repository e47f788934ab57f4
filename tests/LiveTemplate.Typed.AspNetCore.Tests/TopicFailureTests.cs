using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// A topic subscribe the broadcaster fails (an app's broadcaster here: a real in-memory one behind one that refuses the
/// chosen subscribe), over real WebSockets: the browser is answered <c>handler-failed</c> naming the topic and keeps its
/// socket, the handler's <see cref="LiveConnection.SubscribeAsync(Topic, CancellationToken)"/> throws to it, and neither
/// holds the topic afterwards: the browser's one allowed subscription is not spent, and a retry subscribes and receives.
/// </summary>
public sealed class TopicFailureTests : IAsyncLifetime
{
    private readonly FaultingTopicBroadcaster _broadcaster = new();
    private TestApp _app = null!;

    public async Task InitializeAsync()
        => _app = await TestApp.StartAsync(live => live.Services.AddSingleton<IBroadcaster>(_broadcaster));

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _broadcaster.DisposeAsync();
    }

    [Fact]
    public async Task A_browser_subscribe_the_broadcaster_fails_is_answered_handler_failed_spends_nothing_and_a_retry_receives()
    {
        await using var browser = await LiveClient.ConnectAsync(_app.WebSocketUri("/limited/f1"));
        _broadcaster.FailNext("news/main");

        await browser.SendAsync("""{"topic":"subscribe","name":"news/main"}""");
        var refused = await browser.NextAsync("the answer to the failed subscribe");
        Assert.Equal(("error", LiveErrorCodes.HandlerFailed, "news/main"), (refused.Type, refused.Code, refused.Get("topic")));
        Assert.Equal("Subscribing to 'news/main' failed on the server.", refused.Get("message"));
        var logged = await _app.Log.WaitForAsync(entry => entry.EventId.Id == 106, LiveClient.Timeout);
        Assert.IsType<InvalidOperationException>(logged.Exception);

        // The endpoint allows one subscription per browser: the failed one must not have spent it.
        await browser.SendAsync("""{"topic":"subscribe","name":"news/main"}""");
        var answer = await browser.NextAsync("the retry's answer, on the same socket");
        Assert.Equal(("subscribed", "news/main"), (answer.Type, answer.Get("name")));
        Assert.Equal(1, _broadcaster.Forwarded("news/main"));

        await _broadcaster.Inner.PublishToTopicAsync(new Topic("news/main"), "note", """{"text":"after the retry"}"""u8.ToArray());
        var frame = await browser.NextAsync("the action published after the retry");
        Assert.Equal(("topic", "news/main", "after the retry"), (frame.Type, frame.Get("topic"), frame.Text));
        Assert.False(browser.IsClosed);
    }

    [Fact]
    public async Task A_handler_subscribe_the_broadcaster_fails_throws_to_the_handler_and_a_retry_subscribes_and_receives()
    {
        await using var browser = await LiveClient.ConnectAsync(_app.WebSocketUri("/limited/f2"));
        _broadcaster.FailNext("room/f2");

        await browser.SendActionAsync("follow", """{"topic":"room/f2"}""");
        var failed = await browser.NextAsync("the failed action's answer");
        Assert.Equal(("error", LiveErrorCodes.HandlerFailed, "follow"), (failed.Type, failed.Code, failed.Action));

        await browser.SendActionAsync("follow", """{"topic":"room/f2"}""");
        var followed = await browser.NextAsync("the retry's answer");
        Assert.Equal(("posted", "following room/f2"), (followed.Action, followed.Text));
        Assert.Equal(1, _broadcaster.Forwarded("room/f2"));

        await _broadcaster.Inner.PublishToTopicAsync(new Topic("room/f2"), "note", """{"text":"after the retry"}"""u8.ToArray());
        var ran = await browser.NextAsync("the handler's run for the action published after the retry");
        Assert.Equal(("posted", "handler: after the retry"), (ran.Action, ran.Text));
    }
}
