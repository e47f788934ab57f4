using System.Diagnostics;
using LiveTemplate.Typed.Diagnostics;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.PubSub.Telemetry;

/// <summary>
/// The publish and receive spans, and the W3C context they hand on: in the envelope to other instances, on the message
/// to this instance's handlers. With no listener on the source nothing is created and nothing is handed on: the
/// envelope is byte for byte what it is untraced.
/// </summary>
internal static class BroadcasterTracing
{
    private static ActivitySource Source => LiveTemplateTracing.Source;

    /// <summary>Starts the publish span (null when nobody listens) and returns the context the envelope carries.</summary>
    public static Activity? StartPublish(string channel, in Envelope header, out string? traceParent)
    {
        Activity? activity = null;
        if (Source.HasListeners())
        {
            // The span ends when the send does, after the (synchronous) publish call has returned to the caller: it must
            // not stay the caller's current span, or whatever the caller does next would become its child.
            var ambient = Activity.Current;
            activity = Source.StartActivity(LiveTemplateTracing.Publish, ActivityKind.Producer);
            Activity.Current = ambient;
        }

        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(LiveTemplateTracing.SystemAttribute, "livetemplate");
            activity.SetTag(LiveTemplateTracing.ChannelAttribute, channel);
            activity.SetTag(LiveTemplateTracing.KindAttribute, KindOf(header.Type));
            activity.SetTag(LiveTemplateTracing.InstanceAttribute, header.InstanceId);
            if (header.Action is { } action)
            {
                activity.SetTag(LiveTemplateTracing.ActionAttribute, action);
            }
        }

        traceParent = activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : null;
        return activity;
    }

    /// <summary>
    /// Starts the receive span of a message from another instance, a child of the publish it carries the context of;
    /// the message then carries the receive span's context (or the publish's, when nobody listens here).
    /// </summary>
    public static Activity? StartReceive(string channel, PubSubMessage message)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        ActivityContext.TryParse(message.TraceParent, null, isRemote: true, out var parent);
        var activity = Source.StartActivity(LiveTemplateTracing.Receive, ActivityKind.Consumer, parent);
        if (activity is null)
        {
            return null;
        }

        if (activity.IsAllDataRequested)
        {
            activity.SetTag(LiveTemplateTracing.SystemAttribute, "livetemplate");
            activity.SetTag(LiveTemplateTracing.ChannelAttribute, channel);
            activity.SetTag(LiveTemplateTracing.KindAttribute, KindOf(message));
            activity.SetTag(LiveTemplateTracing.InstanceAttribute, message.InstanceId);
            if (ActionOf(message) is { } action)
            {
                activity.SetTag(LiveTemplateTracing.ActionAttribute, action);
            }
        }

        message.TraceParent = activity.Id;
        return activity;
    }

    /// <summary>Ends a publish span when its send has completed, recording a failure.</summary>
    public static async Task EndWhenDoneAsync(Task publishing, Activity activity)
    {
        try
        {
            await publishing.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            activity.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }
        finally
        {
            activity.Dispose();
        }
    }

    /// <summary>The kind of a message, as tags name it.</summary>
    public static string KindOf(PubSubMessage message) => message switch
    {
        ServerActionMessage => "server_action",
        GroupActionMessage => "group_action",
        TopicActionMessage => "topic_action",
        _ => "broadcast",
    };

    private static string KindOf(EnvelopeType type) => type switch
    {
        EnvelopeType.ServerAction => "server_action",
        EnvelopeType.GroupAction => "group_action",
        EnvelopeType.TopicAction => "topic_action",
        _ => "broadcast",
    };

    private static string? ActionOf(PubSubMessage message) => message switch
    {
        ServerActionMessage m => m.Action,
        GroupActionMessage m => m.Action,
        TopicActionMessage m => m.Action,
        _ => null,
    };
}
