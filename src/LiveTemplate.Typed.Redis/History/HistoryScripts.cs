using System.Globalization;
using System.Security.Cryptography;
using LiveTemplate.Typed.PubSub;
using StackExchange.Redis;
using StreamPosition = LiveTemplate.Typed.PubSub.StreamPosition;

namespace LiveTemplate.Typed.Redis.History;

/// <summary>
/// The Lua scripts of a channel's history, run with EVALSHA (the script is loaded by an EVAL the first time a server
/// answers NOSCRIPT, after a restart or a <c>SCRIPT FLUSH</c> too). Appending assigns the next position, stamps it on
/// the envelope, keeps it in the bounded log and publishes it, in one atomic step, so that the history's order, the
/// live order and the positions agree.
/// </summary>
internal sealed class HistoryScripts(IDatabase database, bool sharded, string epochPrefix, int size, TimeSpan idleExpiry)
{
    // KEYS: head, log. ARGV: channel, envelope, epoch prefix, tail length, size, idle expiry (ms), publish command.
    private const string AppendScript = """
        local e = redis.call('HGET', KEYS[1], 'e')
        if not e then
          local now = redis.call('TIME')
          e = ARGV[3] .. string.format('%x%05x', tonumber(now[1]), tonumber(now[2]))
          redis.call('DEL', KEYS[2])
          redis.call('HSET', KEYS[1], 'e', e, 't', 0)
        end
        local t = redis.call('HINCRBY', KEYS[1], 't', 1)
        local env = ARGV[2]
        local tail = tonumber(ARGV[4])
        local msg = string.sub(env, 1, #env - tail) .. ',"epoch":"' .. e .. '","pos":' .. string.format('%d', t) .. string.sub(env, #env - tail + 1)
        redis.call('RPUSH', KEYS[2], msg)
        redis.call('LTRIM', KEYS[2], -tonumber(ARGV[5]), -1)
        redis.call('PEXPIRE', KEYS[1], ARGV[6])
        redis.call('PEXPIRE', KEYS[2], ARGV[6])
        redis.call(ARGV[7], ARGV[1], msg)
        return {e, t}
        """;

    // KEYS: head, log. ARGV: epoch expected ('' for none), after, include the entry at after (1/0), max count.
    // Returns {} for no stream, else {epoch, top, first, from, entries}.
    private const string ReadScript = """
        local h = redis.call('HMGET', KEYS[1], 'e', 't')
        if not h[1] then return {} end
        local t = tonumber(h[2])
        local n = redis.call('LLEN', KEYS[2])
        local first = t - n + 1
        local from = 1
        if h[1] == ARGV[1] then
          from = tonumber(ARGV[2]) + 1 - tonumber(ARGV[3])
        end
        if from < first then from = first end
        if from < 1 then from = 1 end
        local max = tonumber(ARGV[4])
        local entries = {}
        if max > 0 and from <= t then
          entries = redis.call('LRANGE', KEYS[2], from - first, math.min(t, from + max - 1) - first)
        end
        return {h[1], t, first, from, entries}
        """;

    // KEYS: head, log. ARGV: epoch prefix, idle expiry (ms). The head, the stream created empty when missing.
    private const string OpenScript = """
        local h = redis.call('HMGET', KEYS[1], 'e', 't')
        local e = h[1]
        local t = tonumber(h[2])
        if not e then
          local now = redis.call('TIME')
          e = ARGV[1] .. string.format('%x%05x', tonumber(now[1]), tonumber(now[2]))
          t = 0
          redis.call('DEL', KEYS[2])
          redis.call('HSET', KEYS[1], 'e', e, 't', 0)
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return {e, t, t - redis.call('LLEN', KEYS[2]) + 1, t + 1, {}}
        """;

    // KEYS: head (never read: it routes the script to the channel's node). ARGV: channel, envelope, publish command.
    private const string PublishScript = """
        redis.call(ARGV[3], ARGV[1], ARGV[2])
        return 1
        """;

    private static readonly LuaScript Open = new(OpenScript);
    private static readonly LuaScript Publish = new(PublishScript);
    private static readonly LuaScript Append = new(AppendScript);
    private static readonly LuaScript Read = new(ReadScript);

    private readonly RedisValue _publish = sharded ? "SPUBLISH" : "PUBLISH";
    private readonly RedisValue _size = size;
    private readonly RedisValue _expiry = (long)idleExpiry.TotalMilliseconds;
    private readonly RedisValue _epochPrefix = epochPrefix;

    /// <summary>Appends and publishes <paramref name="envelope"/> on <paramref name="channel"/>; returns its position.</summary>
    public async Task<StreamPosition> AppendAsync(string channel, ReadOnlyMemory<byte> envelope, int tailLength)
    {
        var result = await Append.RunAsync(database, HistoryKeys.For(channel), [channel, envelope, _epochPrefix, tailLength, _size, _expiry, _publish]).ConfigureAwait(false);
        var reply = (RedisResult[])result!;
        return new StreamPosition((string)reply[0]!, (ulong)(long)reply[1]);
    }

    /// <summary>
    /// Publishes <paramref name="envelope"/> on <paramref name="channel"/> without a position, the way
    /// <see cref="AppendAsync"/> publishes: from a script on the node of the channel's slot, over the same connection, so
    /// that a live-only message keeps its place among the channel's positioned ones on every subscriber.
    /// </summary>
    public Task PublishAsync(string channel, ReadOnlyMemory<byte> envelope)
        => Publish.RunAsync(database, HistoryKeys.For(channel)[..1], [channel, envelope, _publish]);

    /// <summary>Reads <paramref name="channel"/>'s stream (see <c>IChannelTransport.ReadAsync</c>).</summary>
    public async Task<StreamSlice> ReadAsync(string channel, StreamPosition? after, bool includeAfter, int maxCount)
    {
        var result = await Read.RunAsync(database, HistoryKeys.For(channel),
            [after?.Epoch ?? string.Empty, (long)(after?.Offset ?? 0), includeAfter ? 1 : 0, maxCount]).ConfigureAwait(false);
        return ToSlice(result);
    }

    /// <summary>The head of <paramref name="channel"/>'s stream, created empty when missing.</summary>
    public async Task<StreamSlice> OpenAsync(string channel)
        => ToSlice(await Open.RunAsync(database, HistoryKeys.For(channel), [_epochPrefix, _expiry]).ConfigureAwait(false));

    private static StreamSlice ToSlice(RedisResult result)
    {
        var reply = (RedisResult[])result!;
        if (reply.Length == 0)
        {
            return StreamSlice.Missing;
        }

        var entries = ((RedisResult[])reply[4]!).Select(r => (ReadOnlyMemory<byte>)(byte[])r!).ToList();
        return new StreamSlice((string)reply[0]!, ToOffset(reply[1]), ToOffset(reply[2]), ToOffset(reply[3]), entries);
    }

    private static ulong ToOffset(RedisResult value) => (ulong)Math.Max(0L, (long)value);

    /// <summary>The epoch prefix of an instance: a short random part, so that epochs created at the same microsecond differ.</summary>
    public static string NewEpochPrefix() => Convert.ToHexString(RandomNumberGenerator.GetBytes(3)).ToLower(CultureInfo.InvariantCulture);
}
