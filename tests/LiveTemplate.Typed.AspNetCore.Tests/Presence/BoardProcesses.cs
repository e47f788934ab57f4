using System.Net;
using System.Net.Http.Json;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;
using LiveTemplate.Typed.Testing.Processes;

namespace LiveTemplate.Typed.AspNetCore.Tests.Presence;

/// <summary>
/// The TeamBoard sample as real processes (its own build, <c>dotnet TeamBoard.dll</c>) over one real redis-server of
/// this fixture, with presence's liveness lowered so that crash tests are quick: a heartbeat every 250 ms, a 3 s timeout.
/// </summary>
public sealed class BoardProcesses : IAsyncDisposable
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan LivenessTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly List<AppProcess> _apps = [];
    private RedisServer _redis = null!;

    /// <summary>The sample's own build, in the configuration these tests were built in.</summary>
    public static string Assembly => Path.Combine(RepositoryPaths.TeamBoard, "bin",
#if DEBUG
        "Debug",
#else
        "Release",
#endif
        "net10.0", "TeamBoard.dll");

    public static async Task<BoardProcesses> StartAsync()
    {
        var processes = new BoardProcesses { _redis = await RedisServer.StartAsync() };
        return processes;
    }

    /// <summary>Starts one more instance of the sample on the fixture's Redis.</summary>
    public async Task<AppProcess> StartInstanceAsync(string name)
    {
        var app = await AppProcess.StartAsync(Assembly,
        [
            "--LiveTemplate:Redis=" + _redis.Endpoint,
            "--LiveTemplate:Presence:HeartbeatInterval=" + Heartbeat.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            "--LiveTemplate:Presence:Timeout=" + LivenessTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default=Warning",
        ], "/health/ready", StartTimeout, name: "TeamBoard (" + name + ")");
        _apps.Add(app);
        return app;
    }

    /// <summary>A browser of <paramref name="user"/> (signed in on that instance; null: a guest) on <paramref name="board"/>, asking for the board's presence.</summary>
    public static async Task<LiveClient> OpenBoardAsync(AppProcess app, string board, string? user)
    {
        var cookies = new CookieContainer();
        if (user is not null)
        {
            using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = app.BaseUri, Timeout = LiveClient.Timeout };
            (await http.PostAsJsonAsync("/api/signin", new { name = user })).EnsureSuccessStatusCode();
        }

        var client = await LiveClient.ConnectAsync(new UriBuilder(app.BaseUri) { Scheme = "ws", Path = "/live/" + board }.Uri, cookies);
        await client.SendAsync("""{"presence":"list"}""");
        return client;
    }

    /// <summary>The next presence frame (an event or a list), skipping the board's other frames.</summary>
    public static async Task<Frame> NextPresenceAsync(LiveClient client, string what)
    {
        while (true)
        {
            var frame = await client.NextAsync(what);
            if (frame.Type is "presence" or "presence-list")
            {
                return frame;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }
}
