using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace LiveTemplate.Typed.Redis;

/// <summary>
/// A Lua script run with EVALSHA, loaded by an EVAL the first time a server answers NOSCRIPT (after a restart or a
/// <c>SCRIPT FLUSH</c> too): one round trip in the usual case, and nothing runs twice.
/// </summary>
internal sealed class LuaScript(string text)
{
    private readonly byte[] _hash = SHA1.HashData(Encoding.UTF8.GetBytes(text));

    public async Task<RedisResult> RunAsync(IDatabase database, RedisKey[] keys, RedisValue[] values)
    {
        try
        {
            return await database.ScriptEvaluateAsync(_hash, keys, values).ConfigureAwait(false);
        }
        catch (RedisServerException ex) when (ex.Message.StartsWith("NOSCRIPT", StringComparison.Ordinal))
        {
            // Nothing ran. EVAL runs it and leaves it loaded for the next EVALSHA.
            return await database.ScriptEvaluateAsync(text, keys, values).ConfigureAwait(false);
        }
    }
}
