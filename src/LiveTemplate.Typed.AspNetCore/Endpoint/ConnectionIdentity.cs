using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LiveTemplate.Typed.AspNetCore.Endpoint;

/// <summary>
/// Who a new connection is: its group (resolved by the endpoint, or the browser session) and its user (from an
/// authenticated <see cref="HttpContext.User"/>). Ids are validated here, before the upgrade; a bad one is a 400.
/// </summary>
internal readonly record struct ConnectionIdentity(GroupId GroupId, UserId? UserId, string? NewSessionId)
{
    public static bool TryResolve(HttpContext http, LiveEndpointOptions endpoint, LiveTemplateOptions options, ILogger logger, out ConnectionIdentity identity, [NotNullWhen(false)] out string? problem)
    {
        identity = default;
        string? newSession = null;
        string? group;
        if (endpoint.ResolveGroup is { } resolve)
        {
            group = resolve(http);
            if (string.IsNullOrEmpty(group))
            {
                problem = "This endpoint needs a group (for example a board id in the route or the query string).";
                return false;
            }
        }
        else if (http.Request.Cookies[options.SessionCookieName] is { } cookie)
        {
            if (!SessionIds.IsValid(cookie))
            {
                problem = $"The {options.SessionCookieName} cookie is not a valid session id; delete it and reload.";
                return false;
            }

            group = cookie;
        }
        else
        {
            group = newSession = SessionIds.New();
        }

        if (!GroupId.TryCreate(group, out var groupId))
        {
            problem = "Invalid group: " + ScopeIdRules.Explain(group, nameof(GroupId));
            return false;
        }

        UserId? userId = null;
        if (http.User.Identity?.IsAuthenticated == true)
        {
            var claim = http.User.FindFirst(options.UserIdClaimType)?.Value;
            if (claim is null)
            {
                LiveLog.UserClaimMissing(logger, options.UserIdClaimType);
            }
            else if (Typed.UserId.TryCreate(claim, out var user))
            {
                userId = user;
            }
            else
            {
                problem = "Invalid user: " + ScopeIdRules.Explain(claim, nameof(UserId));
                return false;
            }
        }

        identity = new ConnectionIdentity(groupId, userId, newSession);
        problem = null;
        return true;
    }

    /// <summary>Issues the session cookie when this connection started a new session (HttpOnly, SameSite=Lax).</summary>
    public void IssueSessionCookie(HttpContext http, LiveTemplateOptions options)
    {
        if (NewSessionId is null)
        {
            return;
        }

        http.Response.Cookies.Append(options.SessionCookieName, NewSessionId, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = "/",
            IsEssential = true,
        });
    }
}
