using System.Text.Json;
using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.Redis.Presence;

/// <summary>Reads the events the scope script publishes; anything else on a presence channel is refused (null).</summary>
internal static class PresenceEventReader
{
    public static PresenceEvent? Read(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? kind = null, scope = null, member = null, user = null, connection = null;
            long since = -1, at = -1;
            ReadOnlyMemory<byte> metadata = default;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "k": kind = reader.GetString(); break;
                    case "s": scope = reader.GetString(); break;
                    case "m": member = reader.GetString(); break;
                    case "u": user = reader.GetString(); break;
                    case "c": connection = reader.GetString(); break;
                    case "since": since = reader.GetInt64(); break;
                    case "t": at = reader.GetInt64(); break;
                    case "d":
                        var start = (int)reader.TokenStartIndex;
                        reader.Skip();
                        metadata = json[start..(int)reader.BytesConsumed].ToArray();
                        break;
                    default: reader.Skip(); break;
                }
            }

            PresenceEventKind? parsed = kind switch { "join" => PresenceEventKind.Join, "update" => PresenceEventKind.Update, "leave" => PresenceEventKind.Leave, _ => null };
            if (parsed is null || !PresenceScope.TryParse(scope, out var presenceScope) || member is null || connection is null || since < 0 || at < 0 || metadata.IsEmpty)
            {
                return null;
            }

            return new PresenceEvent
            {
                Kind = parsed.Value,
                Scope = presenceScope,
                MemberKey = member,
                UserId = UserId.TryCreate(user, out var id) ? id : null,
                ConnectionId = connection,
                Metadata = metadata,
                Since = DateTimeOffset.FromUnixTimeMilliseconds(since),
                Timestamp = DateTimeOffset.FromUnixTimeMilliseconds(at),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
