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
    // A thread keeps its scratch buffer between envelopes unless it grew beyond this.
    private const int MaxRetainedScratchBytes = 64 * 1024;

    [ThreadStatic]
    private static Utf8JsonWriter? t_cachedWriter;

    [ThreadStatic]
    private static PooledBufferWriter? t_scratch;

    // The envelope's own depth plus the data's: typed data deeper than ActionJsonReader.MaxDepth fails to write.
    private static readonly JsonWriterOptions Options = new() { MaxDepth = EnvelopeReader.MaxDepth };

    /// <summary>Writes <paramref name="message"/>'s envelope to <paramref name="output"/>.</summary>
    public static void Write(IBufferWriter<byte> output, PubSubMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var data = message switch
        {
            ServerActionMessage serverAction => serverAction.Data,
            GroupActionMessage groupAction => groupAction.Data,
            _ => default,
        };
        Write(output, message, new RawData(data));
    }

    /// <summary>
    /// Writes the envelope of <paramref name="message"/> with <paramref name="data"/> as its action data (the message's
    /// own <c>Data</c> is not used), to an empty <paramref name="output"/>; returns where the data is in what was written.
    /// </summary>
    internal static Range Write<TData>(IBufferWriter<byte> output, PubSubMessage message, TData data)
        where TData : IEnvelopeData
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(message);
        var writer = t_cachedWriter ?? new Utf8JsonWriter(output, Options);
        t_cachedWriter = null;
        writer.Reset(output);
        try
        {
            var dataRange = message switch
            {
                BroadcastMessage broadcast => WriteBroadcast(writer, broadcast),
                ServerActionMessage serverAction => WriteServerAction(writer, serverAction, data),
                GroupActionMessage groupAction => WriteGroupAction(writer, groupAction, data),
                _ => throw new ArgumentException($"Unknown message type {message.GetType()}.", nameof(message)),
            };
            writer.Flush();
            return dataRange;
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

    /// <summary>
    /// Encodes the envelope of <paramref name="message"/> with <paramref name="data"/>, signed for
    /// <paramref name="channel"/> when there is a signer, into a new array of exactly its size (through a per-thread
    /// scratch buffer, so nothing else is allocated); <paramref name="dataRange"/> is where the data is in it.
    /// </summary>
    internal static byte[] ToArray<TData>(PubSubMessage message, TData data, EnvelopeSigner? signer, string channel, out Range dataRange)
        where TData : IEnvelopeData
    {
        var scratch = t_scratch ?? new PooledBufferWriter();
        t_scratch = null;
        try
        {
            scratch.Truncate(0);
            dataRange = Write(scratch, message, data);
            signer?.Sign(channel, scratch);
            return scratch.WrittenSpan.ToArray();
        }
        finally
        {
            if (scratch.Capacity <= MaxRetainedScratchBytes)
            {
                t_scratch = scratch;
            }
            else
            {
                scratch.Dispose();
            }
        }
    }

    /// <summary>
    /// An upper bound on the length of <paramref name="message"/>'s envelope with <paramref name="dataLength"/> bytes of
    /// data: every string at its worst escaping (6 bytes a UTF-16 unit), the timestamp and seq at their longest.
    /// </summary>
    internal static long MaxLength(PubSubMessage message, int dataLength, bool signed)
    {
        // Field names, quotes and separators of every field, the longest type value, timestamp and seq: under 256.
        const int Fixed = 256;
        var length = Fixed + (long)dataLength + Escaped(message.InstanceId) + (signed ? EnvelopeSigner.SuffixLength : 0);
        return length + message switch
        {
            ServerActionMessage m => Escaped(m.UserId.Value) + Escaped(m.Action),
            GroupActionMessage m => Escaped(m.GroupId.Value) + Escaped(m.Action) + Escaped(m.Topic) + Escaped(m.ExcludeConnectionId),
            BroadcastMessage m => Escaped(m.GroupId?.Value) + Escaped(m.UserId?.Value) + Escaped(m.ExcludeConnectionId) + ((m.Payload.Length + 2L) / 3 * 4),
            _ => long.MaxValue / 2,
        };

        static long Escaped(string? value) => 6L * (value?.Length ?? 0);
    }

    private static Range WriteBroadcast(Utf8JsonWriter w, BroadcastMessage m)
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
        return default;
    }

    private static Range WriteServerAction<TData>(Utf8JsonWriter w, ServerActionMessage m, TData data)
        where TData : IEnvelopeData
    {
        w.WriteStartObject();
        w.WriteString(EnvelopeFields.Type, EnvelopeFields.ServerActionType);
        w.WriteString(EnvelopeFields.UserId, m.UserId.Value);
        w.WriteString(EnvelopeFields.Action, m.Action);
        var dataRange = WriteData(w, data);
        WriteOrigin(w, m);
        w.WriteEndObject();
        return dataRange;
    }

    private static Range WriteGroupAction<TData>(Utf8JsonWriter w, GroupActionMessage m, TData data)
        where TData : IEnvelopeData
    {
        w.WriteStartObject();
        w.WriteString(EnvelopeFields.Type, EnvelopeFields.GroupActionType);
        w.WriteString(EnvelopeFields.GroupId, m.GroupId.Value);
        if (m.Topic is { } topic)
        {
            w.WriteString(EnvelopeFields.Topic, topic);
        }

        w.WriteString(EnvelopeFields.Action, m.Action);
        var dataRange = WriteData(w, data);
        w.WriteNumber(EnvelopeFields.Seq, m.Seq);
        WriteOrigin(w, m);
        if (m.ExcludeConnectionId is { } exclude)
        {
            // Not in Go's struct: an extra field Go ignores (see GroupActionMessage.ExcludeConnectionId).
            w.WriteString(EnvelopeFields.ExcludeConnectionId, exclude);
        }

        w.WriteEndObject();
        return dataRange;
    }

    private static Range WriteData<TData>(Utf8JsonWriter w, TData data)
        where TData : IEnvelopeData
    {
        // Go's json.RawMessage with omitempty: absent when empty. The broadcaster checks raw data is an object on
        // publish; typed data is written by its generated code.
        if (data.IsEmpty)
        {
            return default;
        }

        w.WritePropertyName(EnvelopeFields.Data);
        var start = (int)(w.BytesCommitted + w.BytesPending);
        data.Write(w);
        return start..(int)(w.BytesCommitted + w.BytesPending);
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
