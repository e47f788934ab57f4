using System.Diagnostics.CodeAnalysis;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.AspNetCore.Client;
using LiveTemplate.Typed.AspNetCore.Endpoint;
using LiveTemplate.Typed.AspNetCore.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>Maps LiveTemplate WebSocket endpoints.</summary>
public static class LiveTemplateEndpointRouteBuilderExtensions
{
    /// <summary>The path <see cref="MapLiveTemplateClient"/> serves the browser client at by default.</summary>
    public const string DefaultClientPath = "/_livetemplate/client.js";

    /// <summary>
    /// Serves the typed browser client (an ES module, no dependencies) at <paramref name="path"/>, so a page without a
    /// bundler can <c>import { connect } from "/_livetemplate/client.js"</c> (docs/browser-client.md); revalidated by
    /// its entity tag, gzipped for a request that accepts gzip.
    /// </summary>
    /// <returns>A builder for endpoint conventions.</returns>
    public static IEndpointConventionBuilder MapLiveTemplateClient(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string path = DefaultClientPath)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(path);
        return BrowserClientEndpoint.Map(endpoints, path);
    }

    /// <summary>
    /// Maps a WebSocket endpoint at <paramref name="pattern"/> whose every connection gets its own
    /// <typeparamref name="THandler"/> (created through the request's services, with its <see cref="LiveConnection"/>).
    /// Browser actions allowed by <paramref name="configure"/>, server actions for the connection's user and group
    /// actions for its group all run through that handler's generated dispatch, one at a time, in order.
    /// WebSocket support is added for this endpoint alone: no <c>UseWebSockets()</c> is needed.
    /// </summary>
    /// <returns>A builder for endpoint conventions (<c>RequireAuthorization()</c>, for example).</returns>
    /// <exception cref="InvalidOperationException"><c>AddLiveTemplate()</c> was not called.</exception>
    public static IEndpointConventionBuilder MapLiveTemplate<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this IEndpointRouteBuilder endpoints,
        [StringSyntax("Route")] string pattern,
        Action<LiveEndpointOptions>? configure = null)
        where THandler : class, IActionDispatcher
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        var services = endpoints.ServiceProvider;
        var runtime = services.GetService<LiveTemplateRuntime>()
            ?? throw new InvalidOperationException("Call builder.Services.AddLiveTemplate() before MapLiveTemplate.");
        var options = services.GetRequiredService<IOptions<LiveTemplateOptions>>().Value;
        var settings = new LiveEndpointOptions();
        configure?.Invoke(settings);

        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LiveTemplateEndpointRouteBuilderExtensions).Namespace + ".LiveEndpoint");
        var endpoint = new LiveEndpoint<THandler>(runtime, settings, options, logger);
        // The endpoint checks AllowedOrigins itself, so that a refused origin is logged (102) and told why, as every refusal.
        // A positive timeout makes the keep-alive frames pings the browser must answer; without it they are unsolicited
        // pongs (the only kind ASP.NET Core 8 sends: the validator refuses a timeout there).
        var webSockets = new WebSocketOptions
        {
            KeepAliveInterval = options.KeepAliveInterval,
#if NET9_0_OR_GREATER
            KeepAliveTimeout = options.PingTimeout ?? Timeout.InfiniteTimeSpan,
#endif
        };
        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets(webSockets);
        pipeline.Run(endpoint.HandleAsync);
        return endpoints.Map(pattern, pipeline.Build()).WithDisplayName($"LiveTemplate {pattern} ({typeof(THandler).Name})");
    }
}
