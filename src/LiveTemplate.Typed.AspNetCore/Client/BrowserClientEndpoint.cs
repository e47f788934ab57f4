using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace LiveTemplate.Typed.AspNetCore.Client;

/// <summary>
/// Serves the typed browser client (clients/browser, minified as an ES module) from this assembly, so a page without a
/// bundler can <c>import { connect } from "/_livetemplate/client.js"</c>. The copy here is the build of
/// clients/browser, checked equal to a fresh one by the client's tests.
/// </summary>
internal static class BrowserClientEndpoint
{
    private const string ResourceName = "LiveTemplate.Typed.AspNetCore.Client.livetemplate.min.js";

    private static readonly Lazy<byte[]> Script = new(() =>
    {
        using var stream = typeof(BrowserClientEndpoint).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The browser client ({ResourceName}) is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointConventionBuilder Map(IEndpointRouteBuilder endpoints, string path)
        => endpoints.MapGet(path, static http =>
        {
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.ContentType = "text/javascript; charset=utf-8";
            http.Response.ContentLength = Script.Value.Length;
            return http.Response.Body.WriteAsync(Script.Value, http.RequestAborted).AsTask();
        });
}
