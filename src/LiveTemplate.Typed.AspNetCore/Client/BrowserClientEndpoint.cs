using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace LiveTemplate.Typed.AspNetCore.Client;

/// <summary>
/// Serves the typed browser client (clients/browser/src/index.js, an ES module, embedded as it is) from this assembly,
/// so a page without a bundler can <c>import { connect } from "/_livetemplate/client.js"</c>. <c>no-cache</c> with an
/// entity tag: a browser revalidates on every load (a new package version is picked up at once) and a 304 carries no
/// body; gzipped when the request accepts it.
/// </summary>
internal static class BrowserClientEndpoint
{
    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string path)
        => endpoints.MapGet(path, static http => Serve(http, BrowserClientScript.Embedded));

    private static Task Serve(HttpContext http, BrowserClientScript script)
    {
        var request = http.Request.GetTypedHeaders();
        var response = http.Response;
        response.Headers.CacheControl = "no-cache";
        response.Headers.ETag = script.ETag.ToString();
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (request.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(script.ETag, useStrongComparison: false)))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = script.Source;
        if (AcceptsGzip(request.AcceptEncoding))
        {
            body = script.Gzipped;
            response.Headers.ContentEncoding = "gzip";
        }

        response.ContentType = "text/javascript; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, http.RequestAborted).AsTask();
    }

    /// <summary>True when the request's Accept-Encoding names gzip (or <c>*</c>) with a quality above zero.</summary>
    private static bool AcceptsGzip(IList<StringWithQualityHeaderValue> acceptEncoding)
    {
        var accepted = false;
        foreach (var coding in acceptEncoding)
        {
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase))
            {
                return coding.Quality is not 0;
            }

            if (coding.Value.Equals("*", StringComparison.Ordinal))
            {
                accepted = coding.Quality is not 0;
            }
        }

        return accepted;
    }
}
