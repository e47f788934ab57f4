using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.AspNetCore.Sessions;
using Microsoft.AspNetCore.Http;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// Settings of one endpoint mapped with <see cref="LiveTemplateEndpointRouteBuilderExtensions.MapLiveTemplate{THandler}"/>:
/// which group a connection joins, and which actions its browser may invoke.
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
    public LiveEndpointOptions AllowFromBrowser<TAction>()
        where TAction : IAction<TAction>
    {
        _browserActions[TAction.ActionName] = TAction.Scope;
        return this;
    }

    internal BrowserActionRules FreezeBrowserActions() => new(_browserActions);
}
