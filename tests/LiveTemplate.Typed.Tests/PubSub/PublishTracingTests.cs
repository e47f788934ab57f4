using System.Diagnostics;
using LiveTemplate.Typed.Diagnostics;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Tests.PubSub;

/// <summary>The publish span is a child of the caller's span and ends with the send, without becoming the caller's current span.</summary>
public sealed class PublishTracingTests
{
    [Fact]
    public async Task A_traced_publish_is_a_child_of_the_callers_span_and_leaves_the_callers_span_current()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is LiveTemplateTracing.SourceName or nameof(PublishTracingTests),
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (stopped)
                {
                    stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var callerSource = new ActivitySource(nameof(PublishTracingTests));
        await using var broadcaster = new InMemoryBroadcaster();
        using var caller = callerSource.StartActivity("handler")!;

        await broadcaster.PublishGroupActionAsync(new GroupId("traced-" + Guid.NewGuid().ToString("N")), "moved", """{"n":1}"""u8.ToArray());

        Assert.Same(caller, Activity.Current);
        Activity publish;
        lock (stopped)
        {
            publish = Assert.Single(stopped, a => a.DisplayName == LiveTemplateTracing.Publish && a.ParentSpanId == caller.SpanId);
        }

        Assert.Equal(caller.TraceId, publish.TraceId);
        Assert.Equal(ActivityKind.Producer, publish.Kind);
        Assert.Equal("moved", publish.GetTagItem(LiveTemplateTracing.ActionAttribute));
    }
}
