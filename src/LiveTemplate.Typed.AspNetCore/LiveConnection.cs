using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.AspNetCore.Sessions;
using LiveTemplate.Typed.AspNetCore.Topics;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// The browser connection a handler instance serves; a handler receives it in its constructor. It sends frames to
/// this browser and broadcasts to the rest of the connection's group. Sending to a connection that is closing does
/// nothing, so a handler never has to catch a vanished browser.
/// </summary>
public sealed class LiveConnection
{
    private readonly LocalConnection _connection;
    private readonly ConnectionSession _session;
    private readonly IBroadcaster _broadcaster;

    internal LiveConnection(LocalConnection connection, ConnectionSession session, IBroadcaster broadcaster)
    {
        _connection = connection;
        _session = session;
        _broadcaster = broadcaster;
    }

    /// <summary>The connection's id, unique across instances (the one group broadcasts exclude).</summary>
    public string Id => _connection.Id;

    /// <summary>The group the connection belongs to (the browser session, or what the endpoint resolved).</summary>
    public GroupId GroupId => _connection.GroupId;

    /// <summary>The connection's user, when the request was authenticated.</summary>
    public UserId? UserId => _connection.UserId;

    /// <summary>
    /// True when the browser resumed (it presented its last positions of the connection's streams with history): what
    /// it missed is replayed right after <see cref="IConnectionLifecycle.OnConnectedAsync"/>, or the handler is told it
    /// cannot be (<see cref="IConnectionRecovery"/>), so the state need not be sent again. See docs/recovery.md.
    /// </summary>
    public bool IsResumed => _session.Streams.IsResumed;

    /// <summary>This connection's presence: track it with typed metadata, list and watch who is in its group on every instance (docs/presence.md).</summary>
    public ConnectionPresence Presence => _session.Presence;

    /// <summary>
    /// Cancelled when the connection starts closing: when the server closes it, or, once the browser closed or went away,
    /// when what it sent before has run (an action still running <see cref="LiveTemplateOptions.CloseTimeout"/> later sees it cancelled).
    /// </summary>
    public CancellationToken Closing => _session.Stopping;

    /// <summary>
    /// Sends the browser <c>{"type":"action","action":"name","data":{…}}</c> with the action's generated JSON. An
    /// immutable action the handler was given is written once for every local connection of its message.
    /// </summary>
    public ValueTask SendAsync<TAction>(TAction action, CancellationToken cancellationToken = default)
        where TAction : IAction<TAction>
    {
        ArgumentNullException.ThrowIfNull(action);
        var sender = _session.Sender;
        if (TAction.IsImmutable && sender.Delivering is { } message && message.TryEncodeShared(action, ActionFrame<TAction>.Encode, out var frame))
        {
            return sender.SendEncodedAsync(frame, cancellationToken);
        }

        return sender.SendAsync(action, static (writer, value) => Frames.WriteAction(writer, value), cancellationToken);
    }

    /// <summary>Sends the browser <c>{"type":"update","name":"…","data":…}</c>; <paramref name="utf8Json"/> must be one JSON value.</summary>
    /// <exception cref="ArgumentException"><paramref name="utf8Json"/> is not valid JSON.</exception>
    public ValueTask SendAsync(string name, ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!Frames.IsOneJsonValue(utf8Json.Span))
        {
            // Checked before anything is written: the frame's writer would otherwise throw JsonException halfway through.
            throw new ArgumentException("utf8Json must be one UTF-8 JSON value.", nameof(utf8Json));
        }

        return _session.Sender.SendAsync((name, utf8Json), Frames.WriteUpdate, cancellationToken);
    }

    /// <summary>
    /// Sends the browser <c>{"type":"update","name":"…","data":…}</c> with <paramref name="value"/> serialised by
    /// <paramref name="typeInfo"/> (from a System.Text.Json source-generated context: no reflection).
    /// </summary>
    public ValueTask SendAsync<T>(string name, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(typeInfo);
        return _session.Sender.SendAsync((name, value, typeInfo), Frames.WriteUpdate, cancellationToken);
    }

    /// <summary>Sends the browser an error frame, <c>{"type":"error","code":"…","message":"…"}</c>, with the app's own code.</summary>
    public ValueTask SendErrorAsync(string code, string message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        return _session.Sender.SendAsync(new ErrorFrame(code, message), Frames.WriteError, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="action"/> on every other connection of this group, on every instance, each through its
    /// own event loop; this connection is excluded (as livetemplate's <c>ctx.BroadcastAction</c>).
    /// </summary>
    public Task BroadcastToGroupAsync<TAction>(TAction action, CancellationToken cancellationToken = default)
        where TAction : IGroupAction<TAction>
        => _broadcaster.BroadcastAsync(GroupId, action, Id, cancellationToken);

    /// <summary>
    /// Subscribes this connection to <paramref name="topic"/>: its handler then runs every topic action published to it, on
    /// any instance. The subscription ends with the connection (or <see cref="UnsubscribeAsync(Topic, CancellationToken)"/>).
    /// The handler is app code: the endpoint's <see cref="TopicPolicy"/> (for browsers) does not apply, the <c>lvt:</c> rule does.
    /// It is the handler's own, apart from the browser's: each ends only its own (docs/topics.md#from-the-browser).
    /// The task completes once the instance's subscription is confirmed (or after the registry's <c>SubscribeTimeout</c>),
    /// also when the browser's subscribe to it is still in flight: it waits for that one. When the broadcaster fails it (it
    /// is disposed, or an app's broadcaster throws), the task fails with that exception and the handler does not hold the
    /// topic: subscribing again subscribes again. <paramref name="cancellationToken"/> ends the wait, not the subscription.
    /// </summary>
    /// <exception cref="TopicForbiddenException">The topic is another user's or session's reserved <c>lvt:</c> topic.</exception>
    public Task SubscribeAsync(Topic topic, CancellationToken cancellationToken = default) => _session.Topics.SubscribeAsync(topic, TopicHolder.Handler, cancellationToken);

    /// <summary>Subscribes this connection to every topic <paramref name="pattern"/> matches, until it unsubscribes or closes; it completes and fails as <see cref="SubscribeAsync(Topic, CancellationToken)"/>.</summary>
    public Task SubscribeAsync(TopicPattern pattern, CancellationToken cancellationToken = default) => _session.Topics.SubscribeAsync(pattern, TopicHolder.Handler, cancellationToken);

    /// <summary>Ends the handler's subscription to <paramref name="topic"/> (the browser's, if it holds one too, stays); one it does not hold does nothing.</summary>
    /// <exception cref="ArgumentException">The topic is default.</exception>
    public Task UnsubscribeAsync(Topic topic, CancellationToken cancellationToken = default) => _session.Topics.UnsubscribeAsync(topic, TopicHolder.Handler, cancellationToken);

    /// <summary>Ends the handler's subscription to <paramref name="pattern"/> (the browser's, if it holds one too, stays); one it does not hold does nothing.</summary>
    /// <exception cref="ArgumentException">The pattern is default.</exception>
    public Task UnsubscribeAsync(TopicPattern pattern, CancellationToken cancellationToken = default) => _session.Topics.UnsubscribeAsync(pattern, TopicHolder.Handler, cancellationToken);

    /// <summary>Runs <paramref name="action"/> on every connection subscribed to <paramref name="topic"/> (or a matching pattern), this one included when it is.</summary>
    public Task PublishAsync<TAction>(Topic topic, TAction action, CancellationToken cancellationToken = default)
        where TAction : ITopicAction<TAction>
        => Topics.PublishAsync(topic, action, cancellationToken);

    /// <summary>Runs <paramref name="action"/> on every connection subscribed to the topic its template derives from its members (or a matching pattern), this one included when it is.</summary>
    /// <exception cref="ArgumentException">A member's value does not make a valid topic segment.</exception>
    public Task PublishAsync<TAction>(TAction action, CancellationToken cancellationToken = default)
        where TAction : ITemplatedTopicAction<TAction>
        => Topics.PublishAsync(action, cancellationToken);

    private ITopicBroadcaster Topics => _broadcaster as ITopicBroadcaster ?? throw new NotSupportedException($"{_broadcaster.GetType().Name} does not carry topics.");

    /// <summary>Closes the connection (1000, <paramref name="reason"/>) once the current action returns.</summary>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is longer than a close frame allows (123 UTF-8 bytes).</exception>
    public void Close(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (Encoding.UTF8.GetByteCount(reason) > 123)
        {
            throw new ArgumentException("A close reason holds at most 123 UTF-8 bytes.", nameof(reason));
        }

        _session.RequestClose(WebSocketCloseStatus.NormalClosure, reason);
    }

    /// <inheritdoc />
    public override string ToString() => _connection.ToString();
}
