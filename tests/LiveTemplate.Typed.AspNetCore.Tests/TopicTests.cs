using System.Text;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.PubSub;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// Topics from the browser, over real WebSockets, two instances on one real redis-server: subscribe and unsubscribe
/// frames, the endpoint's deny-by-default policy, the <c>lvt:</c> rule, topic frames from the other instance, and the
/// instance's Redis subscriptions following the browser's (released when the socket closes).
/// </summary>
public sealed class TopicTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_browser_may_subscribe_to_its_own_reserved_topic_and_is_refused_anothers_with_the_socket_open()
    {
        await using var alice = await LiveClient.ConnectAsync(instances.B.Board("t1", user: "alice-t1"));
        await alice.SendAsync("""{"topic":"subscribe","name":"lvt:user:bob-t1"}""");
        var refused = await alice.NextAsync("the refusal");
        Assert.Equal(("error", LiveErrorCodes.TopicForbidden, "lvt:user:bob-t1"), (refused.Type, refused.Code, refused.Get("topic")));

        await alice.SendAsync("""{"topic":"subscribe","name":"lvt:user:alice-t1"}""");
        Assert.Equal(("subscribed", "lvt:user:alice-t1"), Answer(await alice.NextAsync("her own topic, on the same socket")));

        await PublishFromAAsync("lvt:user:alice-t1", """{"text":"for alice"}""");
        var frame = await alice.NextAsync("the action on her own topic");
        Assert.Equal(("topic", "lvt:user:alice-t1", "note"), (frame.Type, frame.Get("topic"), frame.Action));
        Assert.Equal("for alice", frame.Text);
    }

    [Fact]
    public async Task An_endpoint_without_a_topic_policy_refuses_every_subscription()
    {
        await using var browser = await LiveClient.ConnectAsync(instances.B.WebSocketUri("/live", user: "carol-t2"));
        await browser.SendAsync("""{"topic":"subscribe","name":"news/main"}""");
        Assert.Equal((LiveErrorCodes.TopicForbidden, "news/main"), Refusal(await browser.NextAsync("the refusal")));

        await browser.SendAsync("""{"topic":"subscribe","name":"lvt:user:carol-t2"}""");
        Assert.Equal((LiveErrorCodes.TopicForbidden, "lvt:user:carol-t2"), Refusal(await browser.NextAsync("own reserved topics too")));
        await browser.SendAsync("""{"topic":"unsubscribe","name":"news/main"}""");
        Assert.Equal((LiveErrorCodes.TopicForbidden, "news/main"), Refusal(await browser.NextAsync("unsubscribes too")));
        Assert.False(browser.IsClosed);
    }

    [Fact]
    public async Task A_user_whose_id_holds_a_star_subscribes_to_its_own_reserved_topic_as_a_topic_not_a_pattern()
    {
        await using var browser = await LiveClient.ConnectAsync(instances.B.Board("t15", user: "st*r-t15"));
        await SubscribeAsync(browser, "lvt:user:st*r-t15");

        await PublishFromAAsync("lvt:user:st*r-t15", """{"text":"for the star"}""");

        Assert.Equal(("lvt:user:st*r-t15", "for the star"), TopicAndText(await browser.NextAsync("the action on its own topic")));
    }

    [Theory]
    [InlineData("sports/main")]
    [InlineData("news/main/extra")]
    [InlineData("feed/other-board")]
    [InlineData("news/*/*")]
    [InlineData("*/main")]
    public async Task Topics_and_patterns_the_policy_does_not_allow_are_refused_and_later_frames_work(string name)
    {
        await using var browser = await LiveClient.ConnectAsync(instances.B.Board("t3"));
        for (var i = 0; i < 6; i++)
        {
            // More refusals than MaxInvalidFrames (5): a refusal is not an invalid frame.
            await browser.SendAsync($$"""{"topic":"subscribe","name":"{{name}}"}""");
            Assert.Equal((LiveErrorCodes.TopicForbidden, name), Refusal(await browser.NextAsync("the refusal")));
        }

        await browser.SendAsync("""{"topic":"subscribe","name":"feed/t3"}""");
        Assert.Equal(("subscribed", "feed/t3"), Answer(await browser.NextAsync("its own board's feed")));
    }

    [Fact]
    public async Task Allowed_exact_and_pattern_subscriptions_on_B_receive_what_A_publishes_and_a_non_matching_topic_reaches_nobody()
    {
        await using var exact = await LiveClient.ConnectAsync(instances.B.Board("t4"));
        await using var pattern = await LiveClient.ConnectAsync(instances.B.Board("t4"));
        await SubscribeAsync(exact, "news/main");
        await SubscribeAsync(pattern, "news/*");

        await PublishFromAAsync("sports/main", """{"text":"not for them"}""");
        await PublishFromAAsync("news/main", """{"text":"headline"}""");
        foreach (var browser in new[] { exact, pattern })
        {
            var frame = await browser.NextAsync("the headline");
            Assert.Equal(("topic", "news/main", "headline"), (frame.Type, frame.Get("topic"), frame.Text));
        }

        await PublishFromAAsync("news/local", """{"text":"local"}""");
        Assert.Equal(("news/local", "local"), TopicAndText(await pattern.NextAsync("the pattern's second topic")));
        await PublishFromAAsync("news/main", """{"text":"second headline"}""");
        Assert.Equal(("news/main", "second headline"), TopicAndText(await exact.NextAsync("only news/main, not news/local")));
    }

    [Fact]
    public async Task A_browser_holding_a_topic_and_a_matching_pattern_gets_each_message_once()
    {
        await using var browser = await LiveClient.ConnectAsync(instances.B.Board("t5"));
        await SubscribeAsync(browser, "news/main");
        await SubscribeAsync(browser, "news/*");

        await PublishFromAAsync("news/main", """{"text":"once"}""");
        await PublishFromAAsync("news/main", """{"text":"marker"}""");
        Assert.Equal(("news/main", "once"), TopicAndText(await browser.NextAsync("the message")));
        Assert.Equal(("news/main", "marker"), TopicAndText(await browser.NextAsync("the marker, in order, not a second copy")));
    }

    [Fact]
    public async Task Every_subscriber_gets_the_exact_frame_of_each_message_in_order()
    {
        // The frame is written once per message for all of them: each must still get its message's own bytes.
        var browsers = new List<LiveClient>();
        try
        {
            foreach (var name in new[] { "news/shared", "news/*", "news/shared" })
            {
                browsers.Add(await LiveClient.ConnectAsync(instances.B.Board("t12")));
                await SubscribeAsync(browsers[^1], name);
            }

            for (var i = 0; i < 10; i++)
            {
                await PublishFromAAsync("news/shared", $$"""{"text":"m{{i}}"}""");
            }

            foreach (var browser in browsers)
            {
                for (var i = 0; i < 10; i++)
                {
                    var frame = await browser.NextAsync("m" + i);
                    Assert.Equal($$$"""{"type":"topic","topic":"news/shared","action":"note","data":{"text":"m{{{i}}}"}}""", frame.Raw);
                }
            }
        }
        finally
        {
            foreach (var browser in browsers)
            {
                await browser.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Unsubscribing_stops_delivery()
    {
        await using var browser = await LiveClient.ConnectAsync(instances.B.Board("t6"));
        await SubscribeAsync(browser, "news/main");
        await SubscribeAsync(browser, "feed/t6");

        await browser.SendAsync("""{"topic":"unsubscribe","name":"news/main"}""");
        Assert.Equal(("unsubscribed", "news/main"), Answer(await browser.NextAsync("the unsubscribe's answer")));
        await PublishFromAAsync("news/main", """{"text":"missed"}""");
        await PublishFromAAsync("feed/t6", """{"text":"marker"}""");
        Assert.Equal(("feed/t6", "marker"), TopicAndText(await browser.NextAsync("the marker, not news/main")));
    }

    [Theory]
    [InlineData("news/**")]
    [InlineData("news/?")]
    [InlineData("news/[ab]")]
    [InlineData("news\\\\main")]
    [InlineData("news//main")]
    [InlineData("")]
    public async Task A_malformed_name_is_answered_invalid_topic_with_the_grammars_reason_and_counts_as_invalid(string name)
    {
        await using var browser = await LiveClient.ConnectAsync(instances.B.Board("t7"));
        for (var i = 1; i < 5; i++)
        {
            await browser.SendAsync($$"""{"topic":"subscribe","name":"{{name}}"}""");
            var error = await browser.NextAsync("the error frame");
            Assert.Equal(("error", LiveErrorCodes.InvalidTopic), (error.Type, error.Code));
            Assert.Contains("topic", error.Get("message"), StringComparison.OrdinalIgnoreCase);
        }

        await browser.SendAsync($$"""{"topic":"subscribe","name":"{{name}}"}""");
        var (status, _) = await browser.ClosedAsync();
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, status);
    }

    [Fact]
    public async Task Hostile_names_too_long_too_deep_non_ascii_or_a_bad_reserved_id_are_each_answered_invalid_topic_with_its_reason()
    {
        await using var browser = await LiveClient.ConnectAsync(instances.B.Board("t19"));
        var hostile = new (string Json, string Reason)[]
        {
            (new string('a', 513), "at most 512 characters"),
            (string.Join('/', Enumerable.Repeat("*", 33)), "at most 32 segments"),
            ("news/\\u00e9t\\u00e9", "found '\u00e9' at index 5"),
            ("lvt:user:" + new string('u', 257), "at most 256 characters"),
        };
        foreach (var (json, reason) in hostile)
        {
            await browser.SendAsync($$"""{"topic":"subscribe","name":"{{json}}"}""");
            var error = await browser.NextAsync("the error frame");
            Assert.Equal(("error", LiveErrorCodes.InvalidTopic), (error.Type, error.Code));
            Assert.Contains(reason, error.Get("message"), StringComparison.Ordinal);
        }

        // The fifth invalid frame (a non-BMP character inside a pattern) is the last one allowed: 1008.
        await browser.SendAsync("""{"topic":"subscribe","name":"news/*/\ud83d\ude00"}""");
        var (status, _) = await browser.ClosedAsync();
        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.PolicyViolation, status);
    }

    [Fact]
    public async Task The_browsers_subscriptions_end_with_the_connection_and_release_the_instances_redis_subscriptions()
    {
        const string channel = "livetemplate:topic:news/closing";
        // Only topic patterns use PSUBSCRIBE: once the earlier tests' browsers are gone, Redis counts none.
        await EventuallyAsync(async () => await PatternsAsync() == 0, "the earlier tests' patterns released");
        const long patternsBefore = 0;
        var browser = await LiveClient.ConnectAsync(instances.B.Board("t8"));
        await SubscribeAsync(browser, "news/closing");
        await SubscribeAsync(browser, "news/*");
        Assert.Equal(1, await instances.SubscribersAsync(channel));
        Assert.Equal(patternsBefore + 1, await PatternsAsync());

        await browser.DisposeAsync();
        await EventuallyAsync(async () => await instances.SubscribersAsync(channel) == 0 && await PatternsAsync() == patternsBefore, "the instance's SUBSCRIBE and PSUBSCRIBE released");
    }

    [Fact]
    public async Task Handler_and_browser_hold_a_topic_apart_the_browser_gets_the_frame_and_the_handler_runs_each_once()
    {
        await using var browser = await LiveClient.ConnectAsync(instances.B.Board("t10"));
        await browser.SendActionAsync("follow", """{"topic":"news/both"}""");
        Assert.Equal(("posted", "following news/both"), ActionAndText(await browser.NextAsync("the handler subscribed")));
        await SubscribeAsync(browser, "news/both");
        await SubscribeAsync(browser, "feed/t10");

        await PublishFromAAsync("news/both", """{"text":"one"}""");
        Assert.Equal(("news/both", "one"), TopicAndText(await browser.NextAsync("the browser's frame")));
        Assert.Equal(("posted", "handler: one"), ActionAndText(await browser.NextAsync("the handler's run")));

        // The browser's unsubscribe ends only its own: the handler still runs, and no topic frame comes.
        await browser.SendAsync("""{"topic":"unsubscribe","name":"news/both"}""");
        Assert.Equal(("unsubscribed", "news/both"), Answer(await browser.NextAsync("unsubscribed")));
        await PublishFromAAsync("news/both", """{"text":"two"}""");
        Assert.Equal(("posted", "handler: two"), ActionAndText(await browser.NextAsync("the handler's run only")));

        // Only the browser's subscription: the handler does not run for it.
        await PublishFromAAsync("feed/t10", """{"text":"marker"}""");
        Assert.Equal(("feed/t10", "marker"), TopicAndText(await browser.NextAsync("the marker, with no handler run before it")));
        await PublishFromAAsync("news/both", """{"text":"three"}""");
        Assert.Equal(("posted", "handler: three"), ActionAndText(await browser.NextAsync("nothing between the marker and this")));
    }

    [Fact]
    public async Task Beyond_the_limit_a_subscription_is_refused_too_many_topics()
    {
        await using var browser = await LiveClient.ConnectAsync(instances.B.Board("t9"));
        for (var i = 0; i < 32; i++)
        {
            await SubscribeAsync(browser, $"news/n{i}");
        }

        await browser.SendAsync("""{"topic":"subscribe","name":"news/one-more"}""");
        Assert.Equal((LiveErrorCodes.TooManyTopics, "news/one-more"), Refusal(await browser.NextAsync("the refusal")));
        await SubscribeAsync(browser, "news/n0"); // one it holds is answered again

        // "unsubscribe one first": an unsubscribe frees its slot, and only one.
        await browser.SendAsync("""{"topic":"unsubscribe","name":"news/n1"}""");
        Assert.Equal(("unsubscribed", "news/n1"), Answer(await browser.NextAsync("unsubscribed")));
        await SubscribeAsync(browser, "news/one-more");
        await browser.SendAsync("""{"topic":"subscribe","name":"news/n1"}""");
        Assert.Equal((LiveErrorCodes.TooManyTopics, "news/n1"), Refusal(await browser.NextAsync("the limit again")));
    }

    [Fact]
    public async Task Code_outside_a_handler_publishes_typed_topic_actions_through_the_injected_ITopicBroadcaster()
    {
        var topics = instances.A.Services.GetRequiredService<ITopicBroadcaster>();
        Assert.Same(instances.A.Broadcaster, topics);
        await using var browser = await LiveClient.ConnectAsync(instances.B.Board("t13"));
        await SubscribeAsync(browser, "feed/t13");

        await topics.PublishAsync(new Topic("feed/t13"), new Fixtures.Note("typed"));
        await topics.PublishAsync(new Fixtures.BoardNote("t13", "templated"));

        Assert.Equal(("feed/t13", "typed"), TopicAndText(await browser.NextAsync("the typed topic action")));
        var templated = await browser.NextAsync("the templated topic action");
        Assert.Equal(("feed/t13", "board-note", "templated"), (templated.Get("topic"), templated.Action, templated.Text));
    }

    [Fact]
    public async Task A_handler_publishes_a_templated_topic_action_and_the_subscriber_on_the_other_instance_gets_it()
    {
        await using var subscriber = await LiveClient.ConnectAsync(instances.B.Board("t14"));
        await SubscribeAsync(subscriber, "feed/t14");
        await using var sender = await LiveClient.ConnectAsync(instances.A.Board("t14"));

        await sender.SendAsync("""{"action":"announce","data":{"board":"t14","text":"hello"}}""");

        var frame = await subscriber.NextAsync("the templated topic action");
        Assert.Equal(("topic", "feed/t14", "board-note", "hello"), (frame.Type, frame.Get("topic"), frame.Action, frame.Text));
    }

    [Fact]
    public async Task Unsubscribing_what_the_browser_never_held_is_answered_unsubscribed_and_is_no_invalid_frame()
    {
        await using var browser = await LiveClient.ConnectAsync(instances.B.Board("t18"));
        for (var i = 0; i < 6; i++)
        {
            foreach (var name in new[] { "news/never", "news/*", "sports/main" })
            {
                await browser.SendAsync($$"""{"topic":"unsubscribe","name":"{{name}}"}""");
                Assert.Equal(("unsubscribed", name), Answer(await browser.NextAsync("unsubscribed " + name)));
            }
        }

        await SubscribeAsync(browser, "feed/t18");
        Assert.False(browser.IsClosed);
    }

    [Fact]
    public async Task A_topic_policy_that_throws_answers_handler_failed_naming_the_topic_and_keeps_the_socket_open()
    {
        await using var browser = await LiveClient.ConnectAsync(instances.B.Board("t16"));
        for (var i = 0; i < 6; i++)
        {
            // More than MaxInvalidFrames (5): the app's failing rule is not the browser's invalid frame.
            await browser.SendAsync("""{"topic":"subscribe","name":"explode/policy"}""");
            var error = await browser.NextAsync("the failure");
            Assert.Equal(("error", LiveErrorCodes.HandlerFailed, "explode/policy"), (error.Type, error.Code, error.Get("topic")));
        }

        await SubscribeAsync(browser, "feed/t16");
        Assert.False(browser.IsClosed);
    }

    [Fact]
    public async Task Without_AllowOwnReservedTopics_even_ones_own_reserved_topic_is_refused_and_no_rule_is_asked_about_a_reserved_one()
    {
        // /strict/{board}: AllowOwnReservedTopics = false, a MaySubscribeTopic that allows everything it is asked
        // about (and records it), a MaySubscribePattern that throws.
        await using var browser = await LiveClient.ConnectAsync(instances.B.WebSocketUri("/strict/s1", user: "dana-s1"));
        foreach (var name in new[] { "lvt:user:dana-s1", "lvt:session:board:s1", "lvt:user:erin-s1" })
        {
            await browser.SendAsync($$"""{"topic":"subscribe","name":"{{name}}"}""");
            Assert.Equal((LiveErrorCodes.TopicForbidden, name), Refusal(await browser.NextAsync("the refusal of " + name)));
        }

        await SubscribeAsync(browser, "any/thing");
        await browser.SendAsync("""{"topic":"subscribe","name":"any/*"}""");
        var failed = await browser.NextAsync("the pattern rule's failure");
        Assert.Equal(("error", LiveErrorCodes.HandlerFailed, "any/*"), (failed.Type, failed.Code, failed.Get("topic")));

        Assert.Equal(["any/thing"], TestApp.StrictTopicsAsked); // never a reserved one
        Assert.False(browser.IsClosed);
    }

    [Fact]
    public async Task A_topic_action_queued_before_the_browsers_unsubscribe_ran_never_runs_the_handler()
    {
        await using var browser = await LiveClient.ConnectAsync(instances.B.Board("t17"));
        await SubscribeAsync(browser, "feed/t17");

        // The loop is busy with a slow action while the unsubscribe frame waits in the inbox and topic actions the
        // instance still delivers (it still holds the subscription) wait in the connection's queue behind it.
        await browser.SendActionAsync("slow", """{"seq":1,"delayMs":1500}""");
        await browser.SendAsync("""{"topic":"unsubscribe","name":"feed/t17"}""");
        await EventuallyAsync(() => Task.FromResult(instances.B.Probe.Ran.Contains((browser.ConnectionId, "slow"))), "the slow action running");
        for (var i = 0; i < 3; i++)
        {
            await PublishFromBAsync("feed/t17", $$"""{"text":"queued {{i}}"}""");
        }

        await browser.SendActionAsync("slow", """{"seq":2,"delayMs":0}""");
        var frames = new List<Frame>();
        for (var i = 0; i < 10; i++)
        {
            var frame = await browser.NextAsync("frames up to the second slow action");
            frames.Add(frame);
            if (frame.Type == "action" && frame.Action == "slow" && frame.Data.GetProperty("seq").GetInt32() == 2)
            {
                break;
            }
        }

        Assert.Contains(frames, frame => frame.Type == "unsubscribed");
        Assert.DoesNotContain(frames, frame => frame.Action == "posted" && (frame.Text ?? string.Empty).StartsWith("handler:", StringComparison.Ordinal));
        Assert.Equal(("action", "slow"), (frames[^1].Type, frames[^1].Action));
    }

    private static async Task SubscribeAsync(LiveClient browser, string name)
    {
        await browser.SendAsync($$"""{"topic":"subscribe","name":"{{name}}"}""");
        Assert.Equal(("subscribed", name), Answer(await browser.NextAsync("subscribed " + name)));
    }

    private Task PublishFromAAsync(string topic, string json)
        => ((ITopicBroadcaster)instances.A.Broadcaster).PublishToTopicAsync(new Topic(topic), "note", Encoding.UTF8.GetBytes(json));

    private Task PublishFromBAsync(string topic, string json)
        => ((ITopicBroadcaster)instances.B.Broadcaster).PublishToTopicAsync(new Topic(topic), "note", Encoding.UTF8.GetBytes(json));

    private async Task<long> PatternsAsync()
    {
        await using var redis = await instances.Redis.ConnectAsync();
        return (long)(await redis.GetDatabase().ExecuteAsync("PUBSUB", "NUMPAT"));
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + LiveClient.Timeout;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(50);
        }

        Assert.Fail("Timed out waiting for " + what);
    }

    private static (string?, string?) Answer(Frame frame) => (frame.Type, frame.Get("name"));

    private static (string?, string?) Refusal(Frame frame) => (frame.Code, frame.Get("topic"));

    private static (string?, string?) ActionAndText(Frame frame) => (frame.Action, frame.Text);

    private static (string?, string?) TopicAndText(Frame frame) => (frame.Get("topic"), frame.Text);
}
