using System.Text.Json;
using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// The presence frames a browser receives: <c>{"type":"presence","event":"join|update|leave",…}</c> for each change of
/// a watched scope, and <c>{"type":"presence-list","scope":"g:…","members":[…]}</c> with every member (docs/presence.md).
/// </summary>
internal static class PresenceFrames
{
    public static void WriteEvent(Utf8JsonWriter writer, PresenceEvent change)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "presence"u8);
        writer.WriteString("event"u8, change.Kind switch { PresenceEventKind.Join => "join"u8, PresenceEventKind.Update => "update"u8, _ => "leave"u8 });
        writer.WriteString("scope"u8, change.Scope.Key);
        writer.WriteString("member"u8, change.MemberKey);
        WriteUser(writer, change.UserId);
        writer.WriteString("connectionId"u8, change.ConnectionId);
        writer.WriteString("since"u8, change.Since);
        writer.WritePropertyName("data"u8);
        writer.WriteRawValue(change.Metadata.Span, skipInputValidation: true);
        writer.WriteEndObject();
    }

    public static void WriteList(Utf8JsonWriter writer, (PresenceScope Scope, IReadOnlyList<PresenceMember> Members) list)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "presence-list"u8);
        writer.WriteString("scope"u8, list.Scope.Key);
        writer.WriteStartArray("members"u8);
        foreach (var member in list.Members)
        {
            writer.WriteStartObject();
            writer.WriteString("member"u8, member.MemberKey);
            WriteUser(writer, member.UserId);
            writer.WriteNumber("connections"u8, member.Connections.Count);
            writer.WriteString("since"u8, member.Since);
            writer.WritePropertyName("data"u8);
            writer.WriteRawValue(member.Metadata.Span, skipInputValidation: true);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteUser(Utf8JsonWriter writer, UserId? user)
    {
        if (user is { } id)
        {
            writer.WriteString("userId"u8, id.Value);
        }
        else
        {
            writer.WriteNull("userId"u8);
        }
    }
}
