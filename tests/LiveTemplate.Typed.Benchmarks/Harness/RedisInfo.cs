using System.Globalization;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Benchmarks.Harness;

/// <summary>Facts about the redis-server of the run: its version and its memory.</summary>
public static class RedisInfo
{
    public static async Task<string> VersionAsync(string endpoint)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"{endpoint},allowAdmin=true");
        var server = redis.GetServer(endpoint);
        return "redis " + server.Version.ToString();
    }

    /// <summary>INFO memory's used_memory, in bytes.</summary>
    public static async Task<long> UsedMemoryAsync(IConnectionMultiplexer redis, string endpoint)
    {
        var info = await redis.GetServer(endpoint).InfoAsync("memory");
        var value = info.SelectMany(g => g).First(p => p.Key == "used_memory").Value;
        return long.Parse(value, CultureInfo.InvariantCulture);
    }
}
