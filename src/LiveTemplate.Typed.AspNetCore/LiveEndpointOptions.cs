using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.AspNetCore.Sessions;
using LiveTemplate.Typed.Presence;
using Microsoft.AspNetCore.Http;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// Settings of one endpoint mapped with <see cref="LiveTemplateEndpointRouteBuilderExtensions.MapLiveTemplate{THandler}"/>:
/// which group a connection joins, which actions its browser may invoke, what it may do with presence, and which topics it may subscribe to.
/// </summary>
public sealed class LiveEndpointOptions
{
    private readonly Dictionary<string, ActionScope> _browserActions = new(StringComparer.Ordinal);

    /// <summary>
    /// Returns the group a new connection joins, from its request (a route value, a query parameter). The text is
    /// validated as a <see cref="GroupId"/>; null, empty or invalid refuses the connection with HTTP 400. When not
    /// set, the group is the browser session (the <see cref="LiveTemplateOptions.SessionCookieName"/> cookie, issued
    /// when missing). Give groups a prefix with a colon (<c>board:team</c>): session ids never contain one.
    /// </summary>
    public Func<HttpContext, string?>? ResolveGroup { get; set; }

    /// <summary>The names of the actions browsers may invoke, in the order allowed.</summary>
    public IReadOnlyCollection<string> BrowserActions => _browserActions.Keys;

    /// <summary>
    /// Lets browsers invoke <typeparamref name="TAction"/> (<c>{"action":"name","data":{…}}</c>). Nothing else may be
    /// invoked from a browser: the handler's other actions are server-only. A group action runs for the connection's
    /// own group; a server action runs for the connection's own user and is refused for an anonymous connection.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="TAction"/> is a topic action: a browser publishes to a topic
    /// through a handler's action (<c>LiveConnection.PublishAsync</c>), never by invoking the topic action itself.</exception>
    public LiveEndpointOptions AllowFromBrowser<TAction>()
        where TAction : IAction<TAction>
    {
        if (TAction.Scope is not (ActionScope.Group or ActionScope.Server))
        {
            throw new ArgumentException($"{typeof(TAction).Name} is a {TAction.Scope} action: browsers may invoke group and server actions only; publish a topic action from the handler of one of those (LiveConnection.PublishAsync).", nameof(TAction));
        }

        _browserActions[TAction.ActionName] = TAction.Scope;
        return this;
    }

    /// <summary>The endpoint's presence rules, once <see cref="UsePresence{TMetadata}"/> was called (null: connections may still use presence from the server, browsers may not).</summary>
    public PresencePolicy? Presence { get; private set; }

    /// <summary>
    /// Lets this endpoint's browsers use presence with metadata of type <typeparamref name="TMetadata"/>: track and update
    /// their own connection, list their group, and receive its join, update and leave frames (docs/presence.md).
    /// </summary>
    public LiveEndpointOptions UsePresence<TMetadata>(Action<PresencePolicy>? configure = null)
        where TMetadata : IPresenceMetadata<TMetadata>
    {
        var policy = new PresencePolicy(static json => PresenceMetadata.TryRead<TMetadata>(json, out _, out var error) ? null : error.Message);
        configure?.Invoke(policy);
        Presence = policy;
        return this;
    }

    /// <summary>The endpoint's topic rules, once <see cref="UseTopics"/> was called (null: browsers may not subscribe to topics; the handler still may).</summary>
    public TopicPolicy? Topics { get; private set; }

    /// <summary>
    /// Lets this endpoint's browsers subscribe to the topics and patterns <paramref name="configure"/> allows
    /// (<c>{"topic":"subscribe","name":"board/7/activity"}</c>); everything else is refused with <c>topic_forbidden</c>
    /// (docs/topics.md#from-the-browser).
    /// </summary>
    public LiveEndpointOptions UseTopics(Action<TopicPolicy> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var policy = new TopicPolicy();
        configure(policy);
        Topics = policy;
        return this;
    }

    internal BrowserActionRules FreezeBrowserActions() => new(_browserActions);
}
