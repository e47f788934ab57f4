using System.Buffers;
using System.Text.Json;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Wire;

/// <summary>
/// Encodes messages as the JSON envelopes livetemplate's Go <c>pubsub</c> package reads: the same field names,
/// JSON types and order, timestamps in RFC 3339 (UTC), payloads as base64.
/// </summary>
public static class EnvelopeWriter
{
    [ThreadStatic]
    private static Utf8JsonWriter? t_cachedWriter;

    /// <summary>Writes <paramref name="message"/>'s envelope to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, PubSubMessage message)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(message);
        var writer = t_cachedWriter ?? new Utf8JsonWriter(output);
        t_cachedWriter = null;
        writer.Reset(output);
        try
        {
            switch (message)
            {
                case BroadcastMessage broadcast:
                    WriteBroadcast(writer, broadcast);
                    break;
                case ServerActionMessage serverAction:
                    WriteServerAction(writer, serverAction);
                    break;
                case GroupActionMessage groupAction:
                    WriteGroupAction(writer, groupAction);
                    break;
                default:
                    throw new ArgumentException($"Unknown message type {message.GetType()}.", nameof(message));
            }

            writer.Flush();
        }
        finally
        {
            writer.Reset(NoOutput.Instance);
            t_cachedWriter = writer;
        }
    }

    /// <summary>Returns <paramref name="message"/>'s envelope as a new array.</summary>
    public static byte[] ToArray(PubSubMessage message)
    {
        using var buffer = new PooledBufferWriter();
        Write(buffer, message);
        return buffer.WrittenSpan.ToArray();
    }

    internal static PooledBufferWriter ToPooled(PubSubMessage message)
    {
        var buffer = new PooledBufferWriter();
        try
        {
            Write(buffer, message);
            return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
    }

    private static void WriteBroadcast(Utf8JsonWriter w, BroadcastMessage m)
    {
        w.WriteStartObject();
        w.WriteString(EnvelopeFields.Type, EnvelopeFields.BroadcastType);
        if (m.GroupId is { } groupId)
        {
            w.WriteString(EnvelopeFields.GroupId, groupId.Value);
        }

        if (m.UserId is { } userId)
        {
            w.WriteString(EnvelopeFields.UserId, userId.Value);
        }

        if (m.ExcludeConnectionId is { } exclude)
        {
            w.WriteString(EnvelopeFields.ExcludeConnectionId, exclude);
        }

        w.WriteBase64String(EnvelopeFields.Payload, m.Payload.Span);
        WriteOrigin(w, m);
        w.WriteString(EnvelopeFields.Scope, m.Scope switch
        {
            BroadcastScope.Group => EnvelopeFields.GroupScope,
            BroadcastScope.User => EnvelopeFields.UserScope,
            _ => EnvelopeFields.GlobalScope,
        });
        w.WriteEndObject();
    }

    private static void WriteServerAction(Utf8JsonWriter w, ServerActionMessage m)
    {
        w.WriteStartObject();
        w.WriteString(EnvelopeFields.Type, EnvelopeFields.ServerActionType);
        w.WriteString(EnvelopeFields.UserId, m.UserId.Value);
        w.WriteString(EnvelopeFields.Action, m.Action);
        WriteData(w, m.Data);
        WriteOrigin(w, m);
        w.WriteEndObject();
    }

    private static void WriteGroupAction(Utf8JsonWriter w, GroupActionMessage m)
    {
        w.WriteStartObject();
        w.WriteString(EnvelopeFields.Type, EnvelopeFields.GroupActionType);
        w.WriteString(EnvelopeFields.GroupId, m.GroupId.Value);
        if (m.Topic is { } topic)
        {
            w.WriteString(EnvelopeFields.Topic, topic);
        }

        w.WriteString(EnvelopeFields.Action, m.Action);
        WriteData(w, m.Data);
        w.WriteNumber(EnvelopeFields.Seq, m.Seq);
        WriteOrigin(w, m);
        if (m.ExcludeConnectionId is { } exclude)
        {
            // Not in Go's struct: an extra field Go ignores (see GroupActionMessage.ExcludeConnectionId).
            w.WriteString(EnvelopeFields.ExcludeConnectionId, exclude);
        }

        w.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter w, ReadOnlyMemory<byte> data)
    {
        // Go's json.RawMessage with omitempty: absent when empty. The broadcaster checks data is an object on publish.
        if (!data.IsEmpty)
        {
            w.WritePropertyName(EnvelopeFields.Data);
            w.WriteRawValue(data.Span, skipInputValidation: true);
        }
    }

    private static void WriteOrigin(Utf8JsonWriter w, PubSubMessage m)
    {
        w.WriteString(EnvelopeFields.Timestamp, m.Timestamp.UtcDateTime);
        w.WriteString(EnvelopeFields.InstanceId, m.InstanceId);
    }

    /// <summary>Parks the cached writer so it holds no reference to a caller's buffer between uses.</summary>
    private sealed class NoOutput : IBufferWriter<byte>
    {
        public static readonly NoOutput Instance = new();

        public void Advance(int count) => throw new InvalidOperationException();

        public Memory<byte> GetMemory(int sizeHint = 0) => throw new InvalidOperationException();

        public Span<byte> GetSpan(int sizeHint = 0) => throw new InvalidOperationException();
    }
}
