using System.Net.WebSockets;
using System.Security.Claims;
using LiveTemplate.Typed.AspNetCore.Tests.Fixtures;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.Redis;
using LiveTemplate.Typed.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;

/// <summary>
/// One app instance on real Kestrel at 127.0.0.1 on a free port, with the test handler mapped twice: at
/// <c>/live</c> (group = browser session; no topics from the browser) and at <c>/boards/{board}</c> (group =
/// <c>board:{board}</c>; browsers may subscribe to <c>news/main</c>, <c>news/*</c> and <c>feed/{board}</c>), and at
/// <c>/watched/{board}</c> (the same group, presence the browser may list but not change), and at <c>/limited/{board}</c>
/// (the same group; one topic or pattern of <c>news/*</c> per browser). A request
/// with <c>?user=alice</c> is authenticated as alice (a stand-in for the app's real authentication). Two endpoints whose
/// handlers fail to start (<c>/uncreatable</c>, <c>/failing-on-connect</c>) test the 1011 close, and one whose
/// <c>OnDisconnectedAsync</c> throws (<c>/failing-on-disconnect</c>) the 115 log; <c>/gated</c> holds its handshake
/// until the test lets it go (<see cref="HandlerProbe.ResolveGate"/>). The browser client
/// is served at its default path.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, Uri baseUri, RecordingLogger log)
    {
        _app = app;
        BaseUri = baseUri;
        Log = log;
    }

    /// <summary>Every topic the <c>/strict/{board}</c> endpoint's MaySubscribeTopic was asked about, on every instance.</summary>
    public static System.Collections.Concurrent.ConcurrentQueue<string> StrictTopicsAsked { get; } = new();

    public Uri BaseUri { get; }

    public RecordingLogger Log { get; }

    public IServiceProvider Services => _app.Services;

    public IBroadcaster Broadcaster => Services.GetRequiredService<IBroadcaster>();

    public HandlerProbe Probe => Services.GetRequiredService<HandlerProbe>();

    public static Task<TestApp> StartAsync(IConnectionMultiplexer? redis = null, Action<LiveTemplateOptions>? configure = null, params string[] args)
        => StartAsync(live =>
        {
            if (configure is not null)
            {
                live.Configure(configure);
            }

            if (redis is not null)
            {
                live.AddRedis(redis);
            }
        }, args);

    /// <summary>Starts an instance whose SDK registration <paramref name="register"/> completes (options, a backplane).</summary>
    public static Task<TestApp> StartAsync(Action<LiveTemplateBuilder> register, params string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        // The test output holds the sample's appsettings.json (it comes with the TeamBoard reference); a test app is
        // configured by its test only, in code and by arguments.
        foreach (var file in builder.Configuration.Sources.OfType<JsonConfigurationSource>().ToArray())
        {
            builder.Configuration.Sources.Remove(file);
        }

        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var log = new RecordingLogger();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddProvider(new SharedLoggerProvider(log));
        register(builder.Services.AddLiveTemplate());
        builder.Services.AddSingleton<HandlerProbe>();
        return StartAsync(builder, log);
    }

    public Uri WebSocketUri(string path, string? user = null)
    {
        var uri = new UriBuilder(BaseUri) { Scheme = "ws", Path = path };
        if (user is not null)
        {
            uri.Query = "user=" + Uri.EscapeDataString(user);
        }

        return uri.Uri;
    }

    public Uri Board(string board, string? user = null) => WebSocketUri("/boards/" + Uri.EscapeDataString(board), user);

    /// <summary>An HTTP client for this instance (plain requests, the health check).</summary>
    public HttpClient Http() => new() { BaseAddress = BaseUri, Timeout = LiveClient.Timeout };

    public Task StopAsync() => _app.StopAsync();

    /// <summary>The host's event 100, "Connection … opened"; the health checks log an event 100 of their own ("Running health checks").</summary>
    public static bool Opened(LogEntry entry) => entry.EventId is { Id: 100, Name: "Connected" };

    /// <summary>
    /// A browser on <paramref name="board"/> that never reads, so it never answers a close frame; returned once the host
    /// has logged <paramref name="opened"/> connections as opened in all (this one included).
    /// </summary>
    public async Task<ClientWebSocket> ConnectSilentAsync(string board, int opened = 1)
    {
        var silent = new ClientWebSocket();
        using (var bound = new CancellationTokenSource(LiveClient.Timeout))
        {
            await silent.ConnectAsync(Board(board), bound.Token);
        }

        await Eventually.UntilAsync(() => Task.FromResult(Log.Entries.Count(Opened) == opened), LiveClient.Timeout, $"{opened} connection(s) open");
        return silent;
    }

    public async ValueTask DisposeAsync()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(bound.Token);
        await _app.DisposeAsync();
    }

    private static async Task<TestApp> StartAsync(WebApplicationBuilder builder, RecordingLogger log)
    {
        var app = builder.Build();

        // As an app behind a load balancer that terminates TLS: X-Forwarded-Proto from a loopback proxy sets the scheme.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedProto });
        app.Use((http, next) =>
        {
            if (http.Request.Query["user"] is [{ } user])
            {
                http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user)], "test"));
            }

            return next(http);
        });
        app.MapLiveTemplate<TestHandler>("/live", AllowBrowserActions);
        app.MapLiveTemplate<TestHandler>("/boards/{board}", endpoint =>
        {
            endpoint.ResolveGroup = http => "board:" + (string?)http.Request.RouteValues["board"];
            endpoint.UsePresence<TestPresence>();
            // Browsers of a board may follow news/main, any news/{x}, and their board's own feed.
            endpoint.UseTopics(topics =>
            {
                topics.Allow(new Topic("news/main")).Allow(new TopicPattern("news/*"));
                topics.MaySubscribeTopic = (connection, topic) => topic.Value == "explode/policy"
                    ? throw new InvalidOperationException("the topic policy exploded on purpose")
                    : topic.Value == "feed/" + connection.GroupId.Value["board:".Length..];
            });
            AllowBrowserActions(endpoint);
        });
        // A strict policy: not even a browser's own reserved topics; a topic rule that allows (and records) what it
        // is asked, and a pattern rule that fails.
        app.MapLiveTemplate<TestHandler>("/strict/{board}", endpoint =>
        {
            endpoint.ResolveGroup = http => "board:" + (string?)http.Request.RouteValues["board"];
            endpoint.UseTopics(topics =>
            {
                topics.AllowOwnReservedTopics = false;
                topics.MaySubscribeTopic = (_, topic) =>
                {
                    StrictTopicsAsked.Enqueue(topic.Value);
                    return true;
                };
                topics.MaySubscribePattern = (_, _) => throw new InvalidOperationException("the pattern rule exploded on purpose");
            });
        });
        // One topic or pattern per browser (news/*, news/{x}): a subscribe that failed must not spend it.
        app.MapLiveTemplate<TestHandler>("/limited/{board}", endpoint =>
        {
            endpoint.ResolveGroup = http => "board:" + (string?)http.Request.RouteValues["board"];
            endpoint.UseTopics(topics =>
            {
                topics.Allow(new TopicPattern("news/*"));
                topics.MaxBrowserSubscriptions = 1;
            });
            AllowBrowserActions(endpoint);
        });
        // Browsers of a watched board list and receive presence, but may not change it (the server tracks them).
        app.MapLiveTemplate<TestHandler>("/watched/{board}", endpoint =>
        {
            endpoint.ResolveGroup = http => "board:" + (string?)http.Request.RouteValues["board"];
            endpoint.UsePresence<TestPresence>(policy =>
            {
                policy.BrowserMayTrack = false;
                policy.MayListOther = (_, scope) => scope.Key == "g:board:public";
            });
            endpoint.AllowFromBrowser<ListScope>();
        });
        // The group comes from ?group=, and a request without one resolves none (null: refused with 400).
        app.MapLiveTemplate<TestHandler>("/grouped", endpoint =>
        {
            endpoint.ResolveGroup = http => http.Request.Query["group"] is [{ } group] ? "room:" + group : null;
            AllowBrowserActions(endpoint);
        });
        // A handshake held in ResolveGroup until the test lets it go: an upgrade under way when shutdown begins.
        app.MapLiveTemplate<TestHandler>("/gated", endpoint => endpoint.ResolveGroup = http =>
        {
            var probe = http.RequestServices.GetRequiredService<HandlerProbe>();
            probe.Resolving.TrySetResult();
            probe.ResolveGate.Wait(TimeSpan.FromSeconds(30));
            return "board:gated";
        });
        app.MapLiveTemplate<UncreatableHandler>("/uncreatable");
        app.MapLiveTemplate<FailingOnConnectHandler>("/failing-on-connect");
        // Slow is allowed but this handler has no IHandle for it (warning 108).
        app.MapLiveTemplate<FailingOnDisconnectHandler>("/failing-on-disconnect", endpoint => endpoint.AllowFromBrowser<Post>().AllowFromBrowser<Slow>());
        app.MapLiveTemplateClient();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(LiveTemplateServiceCollectionExtensions.ReadinessTag) });
        await app.StartAsync();
        return new TestApp(app, ListeningAddress.Of(app), log);
    }

    private static void AllowBrowserActions(LiveEndpointOptions endpoint)
        => endpoint.AllowFromBrowser<Post>().AllowFromBrowser<Slow>().AllowFromBrowser<Explode>().AllowFromBrowser<Whisper>().AllowFromBrowser<Follow>().AllowFromBrowser<Announce>().AllowFromBrowser<SendUpdate>().AllowFromBrowser<Leave>().AllowFromBrowser<Hang>().AllowFromBrowser<ListScope>();
}
