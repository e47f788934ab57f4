using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization.Metadata;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.AspNetCore.Recovery;
using LiveTemplate.Typed.Connections;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// The frames the server sends a browser, each one JSON object with a <c>type</c>: <c>hello</c>, <c>action</c>,
/// <c>update</c>, <c>broadcast</c>, <c>error</c>, and for streams with history <c>position</c> and <c>not-recovered</c>
/// (see docs/aspnetcore.md and docs/recovery.md).
/// </summary>
internal static class Frames
{
    public static void WriteHello(Utf8JsonWriter writer, (LocalConnection Connection, ConnectionStreams Streams) hello)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "hello"u8);
        writer.WriteString("connectionId"u8, hello.Connection.Id);
        if (hello.Connection.UserId is { } user)
        {
            writer.WriteString("userId"u8, user.Value);
        }

        // Where the browser starts in each stream (for a resume: where it was; the missed messages follow).
        if (hello.Streams.Cursors.Any())
        {
            writer.WriteBoolean("resumed"u8, hello.Streams.IsResumed);
            writer.WriteStartObject("streams"u8);
            foreach (var cursor in hello.Streams.Cursors)
            {
                if (cursor.Position is { } position)
                {
                    writer.WriteString(cursor.Name, position.ToString());
                }
                else
                {
                    writer.WriteNull(cursor.Name);
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The members a frame sent for a positioned message carries: <c>,"stream":"…","pos":"epoch:offset"</c>.</summary>
    public static byte[] Stamp(StreamCursor cursor) => Encoding.UTF8.GetBytes($",\"stream\":\"{cursor.Name}\",\"pos\":\"{cursor.Position}\"");

    /// <summary>The browser's position moved without a frame of its own (a message it sent, or one the handler ignored).</summary>
    public static void WritePosition(Utf8JsonWriter writer, StreamCursor cursor)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "position"u8);
        writer.WriteString("stream"u8, cursor.Name);
        writer.WriteString("pos"u8, cursor.Position?.ToString());
        writer.WriteEndObject();
    }

    /// <summary>Messages of a stream are lost for good; <c>pos</c> is where the stream is complete again (null: unknown).</summary>
    public static void WriteNotRecovered(Utf8JsonWriter writer, (string Stream, NotRecoveredMessage Notice) lost)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "not-recovered"u8);
        writer.WriteString("stream"u8, lost.Stream);
        writer.WriteString("reason"u8, StreamNames.Of(lost.Notice.Reason));
        writer.WriteString("pos"u8, lost.Notice.ResumedAfter?.ToString());
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

        if (error.Topic is not null)
        {
            writer.WriteString("topic"u8, error.Topic);
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

    /// <summary>True when <paramref name="utf8"/> is exactly one JSON value, in valid UTF-8.</summary>
    public static bool IsOneJsonValue(ReadOnlySpan<byte> utf8)
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
