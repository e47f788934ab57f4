using System.Diagnostics;
using LiveTemplate.Typed.Diagnostics;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// The dispatch span of one action run by one connection's handler: a child of the span that delivered the message
/// (the publish on this instance, or the receive from another), or, for a browser's own action, the root of a new
/// trace, so that what the handler then publishes joins that trace across instances.
/// </summary>
internal static class DispatchTracing
{
    private static readonly ActivitySource Source = new(LiveTemplateTracing.SourceName);

    public static Activity? StartForMessage(PubSubMessage message, string connectionId)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        var action = message switch
        {
            ServerActionMessage m => m.Action,
            GroupActionMessage m => m.Action,
            TopicActionMessage m => m.Action,
            _ => null,
        };
        return Tag(Source.StartActivity(LiveTemplateTracing.Dispatch, ActivityKind.Internal, parent), action, connectionId);
    }

    public static Activity? StartForBrowser(string action, string connectionId)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        // A browser's action starts a trace of its own, not a child of the long-lived upgrade request.
        var ambient = Activity.Current;
        Activity.Current = null;
        try
        {
            return Tag(Source.StartActivity(LiveTemplateTracing.Dispatch, ActivityKind.Server), action, connectionId);
        }
        finally
        {
            if (Activity.Current is null)
            {
                Activity.Current = ambient;
            }
        }
    }

    /// <summary>
    /// Tags the outcome: the dispatch's status, or <c>HandlerFailed</c> when the handler threw; none when no handler ran
    /// (a topic action only the browser's subscription brought, which goes to the browser alone).
    /// </summary>
    public static void Outcome(Activity? activity, HandlerOutcome outcome)
    {
        if (activity is { IsAllDataRequested: true } && outcome.Name is { } name)
        {
            activity.SetTag(LiveTemplateTracing.OutcomeAttribute, name);
        }
    }

    private static Activity? Tag(Activity? activity, string? action, string connectionId)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(LiveTemplateTracing.SystemAttribute, "livetemplate");
            activity.SetTag(LiveTemplateTracing.ConnectionAttribute, connectionId);
            if (action is not null)
            {
                activity.SetTag(LiveTemplateTracing.ActionAttribute, action);
            }
        }

        return activity;
    }
}
