using System.Diagnostics;
using System.Text.Json;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Diagnostics;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;
using StackExchange.Redis;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>
/// One trace across two instances, read with OpenTelemetry's in-memory exporter: a browser's action dispatched on A,
/// the publish it makes, the envelope on Redis carrying the publish's W3C context, the receive on B and the dispatch
/// to B's browser. (Both instances run in this process, so the test also reads the context off the wire, where it
/// is the only thing that crosses from A to B.)
/// </summary>
[Collection(TracingCollection.Name)]
public sealed class TracingTests
{
    [Fact]
    public async Task A_browser_action_on_A_and_its_delivery_on_B_are_one_trace_joined_by_the_context_in_the_envelope()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(LiveTemplateTracing.SourceName).AddInMemoryExporter(spans).Build();
        await using var redis = await RedisServer.StartAsync();
        await using var multiplexerA = await redis.ConnectAsync();
        await using var multiplexerB = await redis.ConnectAsync();
        await using var a = await TestApp.StartAsync(multiplexerA);
        await using var b = await TestApp.StartAsync(multiplexerB);
        await using var onA = await LiveClient.ConnectAsync(a.Board("traced"));
        await using var onB = await LiveClient.ConnectAsync(b.Board("traced"));
        await using var wire = await redis.ConnectAsync();
        var envelope = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await wire.GetSubscriber().SubscribeAsync(RedisChannel.Literal(ChannelNames.Default.GroupAction(new GroupId("board:traced"))), (_, value) => envelope.TrySetResult(value!));

        await onA.SendActionAsync("post", """{"text":"traced move"}""");
        Assert.Equal("traced move", (await onB.NextAsync("the post on B")).Text);

        var traceParent = JsonDocument.Parse(await envelope.Task.WaitAsync(LiveClient.Timeout)).RootElement.GetProperty("traceparent").GetString();
        var bInstance = ((ChannelBroadcaster)b.Broadcaster).InstanceId;
        Activity Find(Func<Activity, bool> match, string what)
        {
            lock (spans)
            {
                return spans.SingleOrDefault(match) ?? throw new Xunit.Sdk.XunitException($"no {what} span among: {string.Join(", ", spans.Select(s => s.DisplayName))}");
            }
        }

        await Eventually.UntilAsync(() => Task.FromResult(SpanCount(spans, LiveTemplateTracing.Dispatch) >= 2 && SpanCount(spans, LiveTemplateTracing.Receive) >= 1), LiveClient.Timeout, "the spans exported");
        var browserDispatch = Find(s => s.DisplayName == LiveTemplateTracing.Dispatch && s.Kind == ActivityKind.Server, "browser dispatch on A");
        var publish = Find(s => s.DisplayName == LiveTemplateTracing.Publish, "publish");
        var receive = Find(s => s.DisplayName == LiveTemplateTracing.Receive, "receive");
        var dispatchOnB = Find(s => s.DisplayName == LiveTemplateTracing.Dispatch && s.Kind == ActivityKind.Internal && Equals(s.GetTagItem(LiveTemplateTracing.ConnectionAttribute), onB.ConnectionId), "dispatch on B");

        Assert.Equal(default, browserDispatch.ParentSpanId);
        Assert.Equal(browserDispatch.SpanId, publish.ParentSpanId);
        Assert.Equal(publish.Id, traceParent);
        Assert.Equal(publish.SpanId, receive.ParentSpanId);
        Assert.Equal(receive.SpanId, dispatchOnB.ParentSpanId);
        Assert.All(new[] { publish, receive, dispatchOnB }, s => Assert.Equal(browserDispatch.TraceId, s.TraceId));
        Assert.NotEqual(bInstance, receive.GetTagItem(LiveTemplateTracing.InstanceAttribute));
        Assert.Equal("post", browserDispatch.GetTagItem(LiveTemplateTracing.ActionAttribute));
        Assert.Equal("Handled", dispatchOnB.GetTagItem(LiveTemplateTracing.OutcomeAttribute));
    }

    [Fact]
    public async Task With_no_listener_no_span_is_made_and_the_envelope_carries_no_context()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var multiplexer = await redis.ConnectAsync();
        await using var app = await TestApp.StartAsync(multiplexer);
        await using var tab = await LiveClient.ConnectAsync(app.Board("untraced"));
        await using var wire = await redis.ConnectAsync();
        var envelope = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await wire.GetSubscriber().SubscribeAsync(RedisChannel.Literal(ChannelNames.Default.GroupAction(new GroupId("board:untraced"))), (_, value) => envelope.TrySetResult(value!));

        await tab.SendActionAsync("post", """{"text":"quiet"}""");

        Assert.False(JsonDocument.Parse(await envelope.Task.WaitAsync(LiveClient.Timeout)).RootElement.TryGetProperty("traceparent", out _));
    }

    [Fact]
    public async Task A_dispatch_spans_outcome_says_what_the_handler_did_and_a_broadcast_that_runs_no_handler_is_no_handler_failure()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(LiveTemplateTracing.SourceName).AddInMemoryExporter(spans).Build();
        await using var app = await TestApp.StartAsync();
        await using var tab = await LiveClient.ConnectAsync(app.Board("outcomes"));
        List<Activity> DispatchesOfTab()
        {
            lock (spans)
            {
                return [.. spans.Where(s => s.DisplayName == LiveTemplateTracing.Dispatch && Equals(s.GetTagItem(LiveTemplateTracing.ConnectionAttribute), tab.ConnectionId))];
            }
        }

        await tab.SendActionAsync("post", """{"text":"handled"}""");
        Assert.Equal("handled", (await tab.NextAsync("the answer")).Text);
        await tab.SendActionAsync("explode", "{}");
        Assert.Equal(LiveErrorCodes.HandlerFailed, (await tab.NextAsync("handler-failed")).Code);
        await tab.SendActionAsync("drop-tables", "{}");                         // refused before any dispatch: no span
        Assert.Equal(LiveErrorCodes.UnknownAction, (await tab.NextAsync("unknown-action")).Code);
        await app.Broadcaster.PublishToGroupAsync(new GroupId("board:outcomes"), """{"n":1}"""u8.ToArray());
        Assert.Equal("broadcast", (await tab.NextAsync("the broadcast")).Type);
        await app.Broadcaster.BroadcastAsync(new GroupId("board:outcomes"), new Fixtures.Posted("from the server", "test"));
        Assert.Equal("from the server", (await tab.NextAsync("the group action")).Text);

        await Eventually.UntilAsync(() => Task.FromResult(DispatchesOfTab().Count >= 3), LiveClient.Timeout, "the dispatch spans exported");
        var dispatches = DispatchesOfTab();
        Assert.Equal(
            [("post", ActivityKind.Server, "Handled"), ("explode", ActivityKind.Server, "HandlerFailed"), ("posted", ActivityKind.Internal, "Handled")],
            dispatches.Select(s => ((string?)s.GetTagItem(LiveTemplateTracing.ActionAttribute), s.Kind, (string?)s.GetTagItem(LiveTemplateTracing.OutcomeAttribute))));
        Assert.All(dispatches, s => Assert.Equal("livetemplate", s.GetTagItem(LiveTemplateTracing.SystemAttribute)));

        // The server's group action is a child of its local publish (a producer span), which had no parent here.
        Activity publish;
        lock (spans)
        {
            publish = spans.Single(s => s.DisplayName == LiveTemplateTracing.Publish && Equals(s.GetTagItem(LiveTemplateTracing.ActionAttribute), "posted") && s.ParentSpanId == default);
        }

        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal((publish.TraceId, publish.SpanId), (dispatches[2].TraceId, dispatches[2].ParentSpanId));
    }

    private static int SpanCount(List<Activity> spans, string name)
    {
        lock (spans)
        {
            return spans.Count(s => s.DisplayName == name);
        }
    }
}

/// <summary>Tracing tests run alone: an ActivityListener sees the spans of every test in the process.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TracingCollection
{
    public const string Name = "tracing";
}
