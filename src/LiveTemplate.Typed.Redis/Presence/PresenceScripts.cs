namespace LiveTemplate.Typed.Redis.Presence;

/// <summary>
/// The one Lua script of a scope's changes (track, update, untrack, evict an instance): each applies a change and
/// publishes its event in one atomic step, so every watcher sees one order and each change is announced once, whichever
/// and however many instances run it. Values are tab-separated (ids contain no control characters; metadata is last):
/// a connection <c>owner, member, user, since, updated, metadata</c>, a member <c>count, since, metadata</c>.
/// </summary>
internal static class PresenceScripts
{
    // KEYS: connections, members. ARGV: op, channel, publish command, scope key, then the op's own.
    public static readonly LuaScript Change = new("""
        local function conn(v)
          return string.match(v, '^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$')
        end
        local function member(v)
          local n, s, d = string.match(v, '^([^\t]*)\t([^\t]*)\t(.*)$')
          return tonumber(n), s, d
        end
        local function announce(kind, mk, u, c, d, since, at)
          redis.call(ARGV[3], ARGV[2], '{"k":"' .. kind .. '","s":' .. cjson.encode(ARGV[4]) .. ',"m":' .. cjson.encode(mk) ..
            ',"u":' .. cjson.encode(u) .. ',"c":' .. cjson.encode(c) .. ',"since":' .. since .. ',"t":' .. at .. ',"d":' .. d .. '}')
        end
        local function update(c, d, at)
          local v = redis.call('HGET', KEYS[1], c)
          if not v then return 0 end
          local o, mk, u, s = conn(v)
          redis.call('HSET', KEYS[1], c, o .. '\t' .. mk .. '\t' .. u .. '\t' .. s .. '\t' .. at .. '\t' .. d)
          local n, ms, md = member(redis.call('HGET', KEYS[2], mk))
          if md ~= d then
            redis.call('HSET', KEYS[2], mk, n .. '\t' .. ms .. '\t' .. d)
            announce('update', mk, u, c, d, ms, at)
          end
          return 1
        end
        -- The metadata of the member's connection set last (the largest 'updated'), the leaving one gone.
        local function latest(mk)
          local all, best, bestAt = redis.call('HGETALL', KEYS[1]), nil, -1
          for i = 2, #all, 2 do
            local _, omk, _, _, oup, od = conn(all[i])
            if omk == mk and tonumber(oup) > bestAt then best, bestAt = od, tonumber(oup) end
          end
          return best
        end
        local function remove(c, at)
          local v = redis.call('HGET', KEYS[1], c)
          if not v then return 0 end
          local o, mk, u, _, _, d = conn(v)
          redis.call('HDEL', KEYS[1], c)
          local n, ms, md = member(redis.call('HGET', KEYS[2], mk))
          if n <= 1 then
            redis.call('HDEL', KEYS[2], mk)
            announce('leave', mk, u, c, md, ms, at)
          else
            local shown = md
            if d == md then shown = latest(mk) or md end
            redis.call('HSET', KEYS[2], mk, (n - 1) .. '\t' .. ms .. '\t' .. shown)
            if shown ~= md then announce('update', mk, u, c, shown, ms, at) end
          end
          return 1
        end
        local op = ARGV[1]
        if op == 'track' then
          -- ARGV[5..11]: connection, owner, member, user, since, updated, metadata
          local c, d = ARGV[5], ARGV[11]
          local v = redis.call('HGET', KEYS[1], c)
          if v then
            local _, mk, u, s, up, old = conn(v)
            redis.call('HSET', KEYS[1], c, ARGV[6] .. '\t' .. mk .. '\t' .. u .. '\t' .. s .. '\t' .. up .. '\t' .. old)
            if old ~= d then update(c, d, ARGV[10]) end
            return 0
          end
          redis.call('HSET', KEYS[1], c, ARGV[6] .. '\t' .. ARGV[7] .. '\t' .. ARGV[8] .. '\t' .. ARGV[9] .. '\t' .. ARGV[10] .. '\t' .. d)
          local mv = redis.call('HGET', KEYS[2], ARGV[7])
          if mv then
            local n, ms, md = member(mv)
            if md ~= d then
              redis.call('HSET', KEYS[2], ARGV[7], (n + 1) .. '\t' .. ms .. '\t' .. d)
              announce('update', ARGV[7], ARGV[8], c, d, ms, ARGV[10])
            else
              redis.call('HSET', KEYS[2], ARGV[7], (n + 1) .. '\t' .. ms .. '\t' .. md)
            end
          else
            redis.call('HSET', KEYS[2], ARGV[7], '1\t' .. ARGV[9] .. '\t' .. d)
            announce('join', ARGV[7], ARGV[8], c, d, ARGV[9], ARGV[9])
          end
          return 1
        elseif op == 'update' then
          -- ARGV[5..7]: connection, metadata, at
          return update(ARGV[5], ARGV[6], ARGV[7])
        elseif op == 'untrack' then
          -- ARGV[5..6]: connection, at
          return remove(ARGV[5], ARGV[6])
        elseif op == 'evict' then
          -- ARGV[5..6]: owner, at
          local all = redis.call('HGETALL', KEYS[1])
          local gone = {}
          for i = 1, #all, 2 do
            if string.match(all[i + 1], '^([^\t]*)\t') == ARGV[5] then gone[#gone + 1] = all[i] end
          end
          for _, c in ipairs(gone) do remove(c, ARGV[6]) end
          return #gone
        end
        return redis.error_reply('unknown presence op ' .. tostring(op))
        """);
}
