using LiveTemplate.Typed.AspNetCore.Sessions;
using LiveTemplate.Typed.Connections;

namespace LiveTemplate.Typed.AspNetCore.Topics;

/// <summary>
/// Runs a browser's topic frames (<c>{"topic":"subscribe|unsubscribe","name":"…"}</c>): the name is a topic, or a pattern
/// when a segment is <c>*</c> (a reserved <c>lvt:</c> name is always a topic); an endpoint without a policy refuses both
/// operations, and a subscribe passes the endpoint's <see cref="TopicPolicy"/> (deny by default) and the
/// <c>lvt:</c> rule, and is answered <c>subscribed</c> once the instance's subscription is confirmed, or
/// <c>handler-failed</c> naming the topic when the broadcaster fails it (the connection stays open and holds nothing).
/// </summary>
internal sealed class BrowserTopics(ConnectionTopics topics, LiveConnection live, TopicPolicy? policy, FrameSender sender)
{
    private const string ReservedPrefix = "lvt:";

    /// <summary>Runs one frame; returns the refusal to answer with (and whether it counts as an invalid frame), or null.</summary>
    public async ValueTask<TopicRefusal?> RunAsync(string op, string? name, CancellationToken ct)
    {
        var subscribe = op == "subscribe";
        if (!subscribe && op != "unsubscribe")
        {
            return TopicRefusal.Invalid(LiveErrorCodes.MalformedFrame, $"Unknown topic operation '{op}': use subscribe or unsubscribe.", null);
        }

        if (name is null)
        {
            return TopicRefusal.Invalid(LiveErrorCodes.InvalidTopic, "A topic frame needs a \"name\": {\"topic\":\"subscribe\",\"name\":\"room/42\"}.", null);
        }

        // A reserved topic (lvt:user:{id}, lvt:session:{id}) is never a pattern: its id may hold a '*'.
        var isPattern = !name.StartsWith(ReservedPrefix, StringComparison.Ordinal) && name.Contains('*', StringComparison.Ordinal);
        if ((isPattern ? TopicPattern.Explain(name) : Topic.Explain(name)) is { } problem)
        {
            return TopicRefusal.Invalid(LiveErrorCodes.InvalidTopic, problem, name);
        }

        if (policy is null)
        {
            return TopicRefusal.Kept(LiveErrorCodes.TopicForbidden, $"Browsers may not subscribe to or unsubscribe from topics on this endpoint ('{name}').", name);
        }

        if (subscribe && Refuse(policy, name, isPattern) is { } refusal)
        {
            return refusal;
        }

        try
        {
            await (isPattern ? Change(new TopicPattern(name), subscribe, ct) : Change(new Topic(name), subscribe, ct)).ConfigureAwait(false);
        }
        catch (TopicForbiddenException forbidden)
        {
            return TopicRefusal.Kept(LiveErrorCodes.TopicForbidden, forbidden.Message, name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The broadcaster failed it (disposed, an app's broadcaster threw): the server's failure, told as a policy's
            // is. Nothing stays held or counted, so the browser may ask again.
            return TopicRefusal.Failed(subscribe ? $"Subscribing to '{name}' failed on the server." : $"Unsubscribing from '{name}' failed on the server.", name, ex);
        }

        await sender.SendAsync((subscribe, name), TopicFrames.WriteAnswer, ct).ConfigureAwait(false);
        return null;
    }

    private TopicRefusal? Refuse(TopicPolicy policy, string name, bool isPattern)
    {
        var held = isPattern ? topics.BrowserHolds(new TopicPattern(name)) : topics.BrowserHolds(new Topic(name));
        if (held)
        {
            return null; // Subscribing twice is once: answered again, counted once.
        }

        bool allowed;
        try
        {
            allowed = isPattern ? policy.Allows(live, new TopicPattern(name)) : policy.Allows(live, new Topic(name));
        }
        catch (Exception ex)
        {
            // The app's rule failed: nothing is allowed by it, and the browser is told the server failed, not that it erred.
            return TopicRefusal.Failed($"The topic policy failed on the server for '{name}'.", name, ex);
        }

        if (!allowed)
        {
            return TopicRefusal.Kept(LiveErrorCodes.TopicForbidden, $"This connection may not subscribe to '{name}'.", name);
        }

        return topics.BrowserHeld >= policy.MaxBrowserSubscriptions
            ? TopicRefusal.Kept(LiveErrorCodes.TooManyTopics, $"A browser may hold at most {policy.MaxBrowserSubscriptions} topics and patterns: unsubscribe one first.", name)
            : null;
    }

    private Task Change(Topic topic, bool subscribe, CancellationToken ct)
        => subscribe ? topics.SubscribeAsync(topic, TopicHolder.Browser, ct) : topics.UnsubscribeAsync(topic, TopicHolder.Browser, ct);

    private Task Change(TopicPattern pattern, bool subscribe, CancellationToken ct)
        => subscribe ? topics.SubscribeAsync(pattern, TopicHolder.Browser, ct) : topics.UnsubscribeAsync(pattern, TopicHolder.Browser, ct);
}

/// <summary>A refused topic frame: the error frame, whether it counts against the connection's invalid frames, and the app's exception when its policy threw.</summary>
internal readonly record struct TopicRefusal(ErrorFrame Frame, bool CountsAsInvalid, Exception? Failure = null)
{
    public static TopicRefusal Invalid(string code, string message, string? topic) => new(new ErrorFrame(code, message, Topic: topic), true);

    public static TopicRefusal Kept(string code, string message, string? topic) => new(new ErrorFrame(code, message, Topic: topic), false);

    public static TopicRefusal Failed(string message, string topic, Exception failure) => new(new ErrorFrame(LiveErrorCodes.HandlerFailed, message, Topic: topic), false, failure);
}
