using System.Security.Claims;
using LiveTemplate.Typed.AspNetCore;
using LiveTemplate.Typed.Redis;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using StackExchange.Redis;
using TeamBoard.Actions;
using TeamBoard.Board;

namespace TeamBoard;

/// <summary>The team board app: services, sign-in, the live endpoint, the operator API and the static page.</summary>
public static class TeamBoardApp
{
    /// <summary>Builds the app from command-line <paramref name="args"/> (tests pass a content root to find wwwroot).</summary>
    public static WebApplication Create(string[] args, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        var garnet = EmbeddedGarnet.StartIfConfigured(builder.Configuration);

        // One call: in memory for one instance. With LiveTemplate:Redis set, every instance shares Redis (one more call,
        // AddRedis, from the LiveTemplate.Typed.Redis package): the SDK uses the app's multiplexer, and so does the
        // board store.
        var live = builder.Services.AddLiveTemplate();
        if (builder.Configuration["LiveTemplate:Redis"] is { Length: > 0 } redis)
        {
            var options = ConfigurationOptions.Parse(redis);
            options.AbortOnConnectFail = false;
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
            live.AddRedis();
            builder.Services.AddSingleton<IBoardStore, RedisBoardStore>();
        }
        else
        {
            builder.Services.AddSingleton<IBoardStore, InMemoryBoardStore>();
        }

        Observability.AddIfConfigured(builder);
        builder.Services.AddSingleton<Announcer>();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, BoardJson.Default));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.Cookie.Name = "teamboard-user");

        // Instances on one machine share their cookie keys, so that a sign-in on one port is valid on the other.
        // (In production, keep the keys where every instance reads them: Redis, a database, a blob store.)
        builder.Services.AddDataProtection().SetApplicationName("TeamBoard")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetTempPath(), "teamboard-keys")));

        var app = builder.Build();
        if (garnet is not null)
        {
            app.Lifetime.ApplicationStopped.Register(garnet.Dispose);
        }

        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();

        app.MapLiveTemplate<BoardHandler>("/live/{board}", endpoint =>
        {
            // The group is the board in the route; a name that is not a board name refuses the connection (400).
            endpoint.ResolveGroup = http => http.Request.RouteValues["board"] is string board && IsSimpleName(board) ? "board:" + board : null;
            endpoint.AllowFromBrowser<MoveCard>().AllowFromBrowser<AddCard>().AllowFromBrowser<SendNote>();
            // Presence: browsers list the board and get its joins, updates and leaves; only the server tracks (name from
            // the sign-in), a browser chooses the card it edits with EditCard.
            endpoint.AllowFromBrowser<EditCard>().UsePresence<BoardPresence>(policy => policy.BrowserMayTrack = false);
            endpoint.UseTopics(ActivityFeed.Allow); // pages may follow their own board's activity feed
        });

        // The typed browser client the page imports (/_livetemplate/client.js), served from the host's assembly.
        app.MapLiveTemplateClient();

        app.MapGet("/api/me", (HttpContext http) => new Me(http.User.FindFirstValue(ClaimTypes.NameIdentifier)));
        app.MapPost("/api/signin", async (SignIn form, HttpContext http) =>
        {
            var name = (form.Name ?? string.Empty).Trim().ToLowerInvariant(); // a missing or null name is refused too
            if (!IsSimpleName(name))
            {
                return Results.BadRequest("A name has 1 to 32 letters, digits or '-'.");
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, name)], CookieAuthenticationDefaults.AuthenticationScheme);
            await http.SignInAsync(new ClaimsPrincipal(identity));
            return Results.Ok(new Me(name));
        });
        app.MapPost("/api/signout", async (HttpContext http) =>
        {
            await http.SignOutAsync();
            return Results.Ok(new Me(null));
        });

        // The operator's API: a real app would require an operator role here (.RequireAuthorization(...)).
        app.MapPost("/api/announce", async (Announcement announcement, Announcer announcer, CancellationToken ct) =>
        {
            if ((announcement.Text ?? string.Empty).Trim() is not { Length: > 0 and <= 280 } text)
            {
                return Results.BadRequest("An announcement has 1 to 280 characters.");
            }

            await announcer.AnnounceAsync(text, ct);
            return Results.Accepted();
        });

        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(LiveTemplateServiceCollectionExtensions.ReadinessTag) });
        return app;
    }

    private static bool IsSimpleName(string name) => name.Length is > 0 and <= 32 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
