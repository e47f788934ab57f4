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
    public async Task An_invalid_group_or_user_id_is_refused_with_400_before_the_upgrade(string pathAndQuery)
    {
        await using var app = await TestApp.StartAsync();

        var status = await LiveClient.RefusedAsync(new Uri($"ws://{app.BaseUri.Authority}{pathAndQuery}"));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(app.Log.Entries, e => e.EventId.Id == 102 && e.Message.Contains("400", StringComparison.Ordinal));
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
}
