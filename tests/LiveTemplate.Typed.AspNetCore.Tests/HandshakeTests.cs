using System.Net;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>What the endpoint checks before it upgrades a request, and options bound from configuration.</summary>
public sealed class HandshakeTests
{
    [Fact]
    public async Task A_plain_http_request_is_refused_with_400()
    {
        await using var app = await TestApp.StartAsync();
        using var http = app.Http();

        using var response = await http.GetAsync("/boards/team");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("WebSocket", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/boards/%01bell")]
    [InlineData("/boards/team?user=with%0Anewline")]
    [InlineData("/boards/" + Over256)]                  // board:{board} is over 256 characters
    [InlineData("/boards/team?user=" + Over256)]
    public async Task An_invalid_group_or_user_id_is_refused_with_400_before_the_upgrade(string pathAndQuery)
    {
        await using var app = await TestApp.StartAsync();

        var status = await LiveClient.RefusedAsync(new Uri($"ws://{app.BaseUri.Authority}{pathAndQuery}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var refused = Assert.Single(app.Log.Entries, e => e.EventId.Id == 102);
        Assert.Equal((Microsoft.Extensions.Logging.LogLevel.Warning, (object?)400), (refused.Level, refused.Fields["status_code"]));
        Assert.Matches("^Invalid (group|user): ", (string)refused.Fields["reason"]!);
        Assert.DoesNotContain(app.Log.Entries, TestApp.Opened);
    }

    private const string Over256 = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    [Fact]
    public async Task An_authenticated_user_without_the_user_id_claim_connects_without_a_user_and_warning_111_says_which_claim()
    {
        // The test app authenticates ?user= with a NameIdentifier claim only: with another claim type it has none.
        await using var app = await TestApp.StartAsync(configure: o => o.UserIdClaimType = "sub");

        await using var client = await LiveClient.ConnectAsync(app.Board("claimless", user: "alice"));

        Assert.False(client.Hello.Root.TryGetProperty("userId", out _));
        var warning = Assert.Single(app.Log.Entries, e => e.EventId.Id == 111);
        Assert.Equal((Microsoft.Extensions.Logging.LogLevel.Warning, (object?)"sub"), (warning.Level, warning.Fields["claim_type"]));

        // Without a user, a server action from the browser is refused, as on an anonymous connection.
        await client.SendActionAsync("whisper", """{"text":"psst"}""");
        Assert.Equal(LiveErrorCodes.NotAllowed, (await client.NextAsync("the refusal")).Code);
    }

    [Fact]
    public async Task A_request_without_an_Origin_header_is_not_checked_against_AllowedOrigins()
    {
        await using var app = await TestApp.StartAsync(args: ["--LiveTemplate:AllowedOrigins:0=https://board.example"]);

        // ClientWebSocket sends no Origin unless told to: a client that is not a page.
        await using var client = await LiveClient.ConnectAsync(app.Board("no-origin"));

        Assert.DoesNotContain(app.Log.Entries, e => e.EventId.Id == 102);
    }

    [Fact]
    public async Task A_ResolveGroup_that_returns_null_is_refused_with_400_saying_the_endpoint_needs_a_group()
    {
        await using var app = await TestApp.StartAsync();

        Assert.Equal(HttpStatusCode.BadRequest, await LiveClient.RefusedAsync(app.WebSocketUri("/grouped")));

        var refused = Assert.Single(app.Log.Entries, e => e.EventId.Id == 102);
        Assert.Contains("needs a group", (string)refused.Fields["reason"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Log.Entries, TestApp.Opened);
        await using var grouped = await LiveClient.ConnectAsync(new Uri(app.WebSocketUri("/grouped") + "?group=7"));
    }

    [Fact]
    public async Task A_new_browser_gets_a_session_cookie_on_the_upgrade_and_its_tabs_are_one_group()
    {
        await using var app = await TestApp.StartAsync();
        var cookies = new CookieContainer();

        await using var first = await LiveClient.ConnectAsync(app.WebSocketUri("/live"), cookies);
        var issued = Assert.Single(first.ResponseHeaders!.Single(h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)).Value);
        Assert.Matches("^livetemplate-id=[0-9a-f]{32}; path=/; samesite=lax; httponly$", issued);
        Assert.DoesNotContain("secure", issued, StringComparison.OrdinalIgnoreCase);
        await using var second = await LiveClient.ConnectAsync(app.WebSocketUri("/live"), cookies);
        Assert.Null(second.ResponseHeaders!.FirstOrDefault(h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)).Value);

        // The second tab presented the first one's cookie: what the first sends to its group reaches the second.
        await first.SendActionAsync("post", """{"text":"to my other tab"}""");
        Assert.Equal("to my other tab", (await first.NextAsync("the echo")).Text);
        Assert.Equal(("posted", "to my other tab", first.ConnectionId), (await second.NextAsync("the other tab")).Posted);
    }

    [Fact]
    public async Task On_https_the_session_cookie_is_Secure_as_behind_a_load_balancer_that_terminated_tls()
    {
        await using var app = await TestApp.StartAsync();

        // The load balancer says the browser came over https (the app uses UseForwardedHeaders, as aspnetcore.md says).
        await using var client = await LiveClient.ConnectAsync(app.WebSocketUri("/live"), new CookieContainer(), o => o.SetRequestHeader("X-Forwarded-Proto", "https"));

        var issued = Assert.Single(client.ResponseHeaders!.Single(h => h.Key.Equals("Set-Cookie", StringComparison.OrdinalIgnoreCase)).Value);
        Assert.Matches("^livetemplate-id=[0-9a-f]{32}; path=/; secure; samesite=lax; httponly$", issued);
    }

    [Fact]
    public async Task A_forged_session_cookie_is_refused_with_400()
    {
        await using var app = await TestApp.StartAsync();
        var cookies = new CookieContainer();
        cookies.Add(app.BaseUri, new Cookie(LiveTemplateOptions.DefaultSessionCookieName, "board:team"));

        Assert.Equal(HttpStatusCode.BadRequest, await LiveClient.RefusedAsync(app.WebSocketUri("/live"), cookies));
    }

    [Fact]
    public async Task Options_are_bound_from_the_LiveTemplate_configuration_section()
    {
        await using var app = await TestApp.StartAsync(args: ["--LiveTemplate:MaxFrameBytes=300", "--LiveTemplate:AllowedOrigins:0=https://board.example", "--LiveTemplate:ShutdownTimeout=00:00:03"]);

        var options = app.Services.GetRequiredService<IOptions<LiveTemplateOptions>>().Value;
        Assert.Equal((300, TimeSpan.FromSeconds(3)), (options.MaxFrameBytes, options.ShutdownTimeout));
        Assert.Equal(["https://board.example"], options.AllowedOrigins);

        // The allowed origins are enforced before the upgrade: another site's page is refused.
        var refused = await LiveClient.RefusedAsync(app.Board("team"), configure: o => o.SetRequestHeader("Origin", "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        await using var allowed = await LiveClient.ConnectAsync(app.Board("team"), configure: o => o.SetRequestHeader("Origin", "https://board.example"));
    }

    [Fact]
    public async Task A_page_of_an_origin_not_allowed_is_refused_with_403_logged_with_the_reason()
    {
        await using var app = await TestApp.StartAsync(args: ["--LiveTemplate:AllowedOrigins:0=https://Board.example:8443"]);

        var refused = await LiveClient.RefusedAsync(app.Board("team"), configure: o => o.SetRequestHeader("Origin", "https://board.example"));

        Assert.Equal(HttpStatusCode.Forbidden, refused);
        Assert.Contains(app.Log.Entries, e => e.EventId.Id == 102 && e.Message.Contains("403", StringComparison.Ordinal) && e.Message.Contains("AllowedOrigins", StringComparison.Ordinal));
        await using var allowed = await LiveClient.ConnectAsync(app.Board("team"), configure: o => o.SetRequestHeader("Origin", "https://board.example:8443"));
    }

    [Fact]
    public async Task Options_that_cannot_work_stop_the_app_at_start_up_with_the_settings_name()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(args: ["--LiveTemplate:MaxFrameBytes=10", "--LiveTemplate:SessionCookieName=a b"]));

        Assert.Contains(failure.Failures, f => f.Contains("MaxFrameBytes", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.Contains("SessionCookieName", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_readiness_check_is_healthy_on_the_in_memory_broadcaster()
    {
        await using var app = await TestApp.StartAsync();
        using var http = app.Http();

        using var response = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_readiness_checks_data_reports_the_transport_and_the_open_connections_and_114_names_the_broadcaster()
    {
        await using var app = await TestApp.StartAsync();
        var health = app.Services.GetRequiredService<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckService>();
        await using var first = await LiveClient.ConnectAsync(app.Board("counted"));
        await using var second = await LiveClient.ConnectAsync(app.Board("counted"));

        var entry = (await health.CheckHealthAsync()).Entries[LiveTemplateServiceCollectionExtensions.HealthCheckName];

        Assert.Contains(LiveTemplateServiceCollectionExtensions.ReadinessTag, entry.Tags);
        Assert.Equal(("in-memory", (object)2), (entry.Data["transport"], entry.Data["connections"]));
        var chosen = Assert.Single(app.Log.Entries, e => e.EventId.Id == 114);
        Assert.Equal((Microsoft.Extensions.Logging.LogLevel.Information, (object?)"in-memory"), (chosen.Level, chosen.Fields["transport"]));
        Assert.Contains(((LiveTemplate.Typed.PubSub.ChannelBroadcaster)app.Broadcaster).InstanceId, (string)chosen.Fields["detail"]!, StringComparison.Ordinal);
    }
}
