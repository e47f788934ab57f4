using Microsoft.AspNetCore.Http;

namespace LiveTemplate.Typed.AspNetCore.Endpoint;

/// <summary>
/// <see cref="LiveTemplateOptions.AllowedOrigins"/>: each entry is an origin as a browser sends it
/// (<c>https://board.example.com</c>, <c>http://127.0.0.1:5000</c>: scheme, host and port, no path), compared
/// without regard to case. A request without an <c>Origin</c> header does not come from a browser's page and is not checked.
/// </summary>
internal static class AllowedOrigins
{
    public static bool Allow(IList<string> allowed, HttpRequest request)
    {
        var origin = request.Headers.Origin;
        if (allowed.Count == 0 || origin.Count == 0)
        {
            return true;
        }

        return origin.Count == 1 && allowed.Contains(origin[0], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Why entries can never match a browser's <c>Origin</c> header, one sentence each; empty when they all can.</summary>
    public static IEnumerable<string> Explain(IList<string> allowed)
        => allowed.Where(static origin => !IsOrigin(origin)).Select(static origin =>
            $"AllowedOrigins: '{origin}' is not an origin: write scheme://host[:port] as a browser sends it (https://board.example.com), without a path or a trailing '/'; leave AllowedOrigins empty to allow any origin.");

    private static bool IsOrigin(string? origin)
        => Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && uri.Host.Length > 0
            && uri.UserInfo.Length == 0
            && string.Equals(origin, uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase);
}
