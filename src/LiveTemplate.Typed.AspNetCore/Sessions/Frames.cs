using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization.Metadata;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// The frames the server sends a browser, each one JSON object with a <c>type</c>: <c>hello</c>, <c>action</c>,
/// <c>update</c>, <c>broadcast</c> and <c>error</c> (see docs/aspnetcore.md).
/// </summary>
internal static class Frames
{
    public static void WriteHello(Utf8JsonWriter writer, LocalConnection connection)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "hello"u8);
        writer.WriteString("connectionId"u8, connection.Id);
        if (connection.UserId is { } user)
        {
            writer.WriteString("userId"u8, user.Value);
        }

        writer.WriteEndObject();
    }

    public static void WriteAction<TAction>(Utf8JsonWriter writer, TAction action)
        where TAction : IAction<TAction>
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "action"u8);
        writer.WriteString("action"u8, TAction.ActionName);
        writer.WritePropertyName("data"u8);
        ActionJson.Write(writer, action);
        writer.WriteEndObject();
    }

    public static void WriteUpdate(Utf8JsonWriter writer, (string Name, ReadOnlyMemory<byte> Json) update)
    {
        StartUpdate(writer, update.Name);
        writer.WriteRawValue(update.Json.Span, skipInputValidation: false);
        writer.WriteEndObject();
    }

    public static void WriteUpdate<T>(Utf8JsonWriter writer, (string Name, T Value, JsonTypeInfo<T> TypeInfo) update)
    {
        StartUpdate(writer, update.Name);
        JsonSerializer.Serialize(writer, update.Value, update.TypeInfo);
        writer.WriteEndObject();
    }

    /// <summary>An opaque broadcast: its payload is embedded as JSON when it is JSON, else as a string.</summary>
    public static void WriteBroadcast(Utf8JsonWriter writer, BroadcastMessage message)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "broadcast"u8);
        writer.WriteString("scope"u8, message.Scope switch
        {
            BroadcastScope.Group => "group",
            BroadcastScope.User => "user",
            _ => "global",
        });
        writer.WritePropertyName("data"u8);
        if (IsOneJsonValue(message.Payload.Span))
        {
            writer.WriteRawValue(message.Payload.Span, skipInputValidation: true);
        }
        else
        {
            writer.WriteStringValue(Encoding.UTF8.GetString(message.Payload.Span));
        }

        writer.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter writer, ErrorFrame error)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "error"u8);
        writer.WriteString("code"u8, error.Code);
        writer.WriteString("message"u8, error.Message);
        if (error.Action is not null)
        {
            writer.WriteString("action"u8, error.Action);
        }

        writer.WriteEndObject();
    }

    private static void StartUpdate(Utf8JsonWriter writer, string name)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "update"u8);
        writer.WriteString("name"u8, name);
        writer.WritePropertyName("data"u8);
    }

    private static bool IsOneJsonValue(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty || !Utf8.IsValid(utf8))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8);
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
