using System.Net;
using LiveTemplate.Typed.AspNetCore.Tests.Infrastructure;
using LiveTemplate.Typed.Testing;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>The readiness check follows the Redis broadcaster's state: a load balancer stops routing to an instance that lost Redis.</summary>
public sealed class RedisReadinessTests
{
    [Fact]
    public async Task Readiness_fails_while_redis_is_down_and_recovers_when_it_is_back()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var multiplexer = await redis.ConnectAsync();
        await using var app = await TestApp.StartAsync(multiplexer);
        using var http = app.Http();
        await Eventually.UntilAsync(() => IsReadyAsync(http, HttpStatusCode.OK), LiveClient.Timeout, "ready with redis up");

        await redis.KillAsync();
        await Eventually.UntilAsync(() => IsReadyAsync(http, HttpStatusCode.ServiceUnavailable), LiveClient.Timeout, "not ready with redis down");

        await redis.StartAgainAsync();
        await Eventually.UntilAsync(() => IsReadyAsync(http, HttpStatusCode.OK), TimeSpan.FromSeconds(20), "ready again once redis is back");
    }

    private static async Task<bool> IsReadyAsync(HttpClient http, HttpStatusCode expected)
    {
        using var response = await http.GetAsync("/health/ready");
        return response.StatusCode == expected;
    }
}
