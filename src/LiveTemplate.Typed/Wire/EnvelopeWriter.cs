using System.Buffers;
using System.Text.Json;

namespace LiveTemplate.Typed.Wire;

/// <summary>
/// Encodes envelopes as livetemplate's Go <c>pubsub</c> package reads them: the same field names, JSON types and
/// order, timestamps in RFC 3339 (UTC), payloads as base64, and our extra fields (which Go ignores) last.
/// </summary>
internal static class EnvelopeWriter
{
    // A thread keeps its scratch buffer between envelopes unless it grew beyond this.
    private const int MaxRetainedScratchBytes = 64 * 1024;

    // Field names, quotes and separators of every field, the longest type and scope values, timestamp and seq: under
    // 250 bytes today; the margin leaves room for a field or two.
    private const int FixedMaxLength = 320;

    [ThreadStatic]
    private static Utf8JsonWriter? t_cachedWriter;

    [ThreadStatic]
    private static PooledBufferWriter? t_scratch;

    [ThreadStatic]
    private static LastEncoded t_instanceId;

    [ThreadStatic]
    private static LastEncoded t_action;

    [ThreadStatic]
    private static LastEncoded t_scopeId;

    // The envelope's own depth plus the data's: typed data deeper than EnvelopeLimits.MaxDataDepth fails to write.
    private static readonly JsonWriterOptions Options = new() { MaxDepth = EnvelopeLimits.MaxEnvelopeDepth };

    /// <summary>
    /// Writes the envelope of <paramref name="header"/> with <paramref name="data"/> as its action data to an empty
    /// <paramref name="output"/>; returns where the data is in what was written (empty for a broadcast).
    /// </summary>
    /// <exception cref="ArgumentException">Typed data holds a value JSON cannot carry (a NaN).</exception>
    /// <exception cref="InvalidOperationException">Typed data nests deeper than <see cref="EnvelopeLimits.MaxDataDepth"/>.</exception>
    public static Range Write<TData>(IBufferWriter<byte> output, in Envelope header, TData data)
        where TData : IEnvelopeData
    {
        ArgumentNullException.ThrowIfNull(output);
        var writer = t_cachedWriter ?? new Utf8JsonWriter(output, Options);
        t_cachedWriter = null;
        writer.Reset(output);
        try
        {
            var dataRange = header.Type switch
            {
                EnvelopeType.Broadcast => WriteBroadcast(writer, in header),
                EnvelopeType.ServerAction => WriteServerAction(writer, in header, data),
                EnvelopeType.GroupAction => WriteGroupAction(writer, in header, data, EnvelopeFields.GroupActionType),
                EnvelopeType.TopicAction => WriteGroupAction(writer, in header, data, EnvelopeFields.TopicActionType),
                _ => throw new ArgumentException($"Cannot write an envelope of type {header.Type}.", nameof(header)),
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

    /// <summary>
    /// Encodes the envelope, signed for <paramref name="channel"/> when there is a signer, into a new array of exactly
    /// its size (through a per-thread scratch buffer, so nothing else is allocated); <paramref name="dataRange"/> is
    /// where the data is in it.
    /// </summary>
    public static byte[] ToArray<TData>(in Envelope header, TData data, EnvelopeSigner? signer, string channel, out Range dataRange)
        where TData : IEnvelopeData
    {
        var scratch = t_scratch ?? new PooledBufferWriter();
        t_scratch = null;
        try
        {
            scratch.Truncate(0);
            dataRange = Write(scratch, in header, data);
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
    /// An upper bound on the length of <paramref name="header"/>'s envelope with <paramref name="dataLength"/> bytes of
    /// data: every string at its worst escaping (6 bytes a UTF-16 unit), the timestamp and seq at their longest.
    /// </summary>
    public static long MaxLength(in Envelope header, int dataLength, bool signed)
    {
        var length = FixedMaxLength + (long)dataLength + (signed ? EnvelopeSigner.SuffixLength : 0)
            + Escaped(header.InstanceId) + Escaped(header.GroupId) + Escaped(header.UserId) + Escaped(header.Action)
            + Escaped(header.Topic) + Escaped(header.ExcludeConnectionId) + Escaped(header.TraceParent);
        return length + ((header.Payload.Length + 2L) / 3 * 4);

        static long Escaped(string? value) => 6L * (value?.Length ?? 0);
    }

    private static Range WriteBroadcast(Utf8JsonWriter w, in Envelope e)
    {
        w.WriteStartObject();
        w.WriteString(EnvelopeFields.Encoded(EnvelopeField.Type), EnvelopeFields.BroadcastType);
        WriteIfPresent(w, EnvelopeField.GroupId, e.GroupId);
        WriteIfPresent(w, EnvelopeField.UserId, e.UserId);
        WriteIfPresent(w, EnvelopeField.ExcludeConnectionId, e.ExcludeConnectionId);
        w.WriteBase64String(EnvelopeFields.Encoded(EnvelopeField.Payload), e.Payload.Span);
        WriteOrigin(w, in e);
        w.WriteString(EnvelopeFields.Encoded(EnvelopeField.Scope), e.Scope switch
        {
            EnvelopeScope.Group => EnvelopeFields.GroupScope,
            EnvelopeScope.User => EnvelopeFields.UserScope,
            _ => EnvelopeFields.GlobalScope,
        });
        WriteIfPresent(w, EnvelopeField.TraceParent, e.TraceParent);
        w.WriteEndObject();
        return default;
    }

    private static Range WriteServerAction<TData>(Utf8JsonWriter w, in Envelope e, TData data)
        where TData : IEnvelopeData
    {
        w.WriteStartObject();
        w.WriteString(EnvelopeFields.Encoded(EnvelopeField.Type), EnvelopeFields.ServerActionType);
        WriteEncodedOnce(w, EnvelopeField.UserId, ref t_scopeId, e.UserId);
        WriteEncodedOnce(w, EnvelopeField.Action, ref t_action, e.Action);
        var dataRange = WriteData(w, data);
        WriteOrigin(w, in e);
        WriteIfPresent(w, EnvelopeField.TraceParent, e.TraceParent);
        w.WriteEndObject();
        return dataRange;
    }

    // Go's GroupActionMessage, for a group action or (with an empty groupID, always written, and a topic) a topic action.
    private static Range WriteGroupAction<TData>(Utf8JsonWriter w, in Envelope e, TData data, JsonEncodedText type)
        where TData : IEnvelopeData
    {
        w.WriteStartObject();
        w.WriteString(EnvelopeFields.Encoded(EnvelopeField.Type), type);
        WriteEncodedOnce(w, EnvelopeField.GroupId, ref t_scopeId, e.GroupId ?? string.Empty);
        WriteIfPresent(w, EnvelopeField.Topic, e.Topic);
        WriteEncodedOnce(w, EnvelopeField.Action, ref t_action, e.Action);
        var dataRange = WriteData(w, data);
        w.WriteNumber(EnvelopeFields.Encoded(EnvelopeField.Seq), e.Seq);
        WriteOrigin(w, in e);

        // Not in Go's struct: extra fields Go ignores.
        WriteIfPresent(w, EnvelopeField.ExcludeConnectionId, e.ExcludeConnectionId);
        WriteIfPresent(w, EnvelopeField.TraceParent, e.TraceParent);
        w.WriteEndObject();
        return dataRange;
    }

    private static void WriteIfPresent(Utf8JsonWriter w, EnvelopeField field, string? value)
    {
        if (value is not null)
        {
            w.WriteString(EnvelopeFields.Encoded(field), value);
        }
    }

    private static Range WriteData<TData>(Utf8JsonWriter w, TData data)
        where TData : IEnvelopeData
    {
        // Go's json.RawMessage with omitempty: absent when empty.
        if (data.IsEmpty)
        {
            return default;
        }

        w.WritePropertyName(EnvelopeFields.Encoded(EnvelopeField.Data));
        var start = (int)(w.BytesCommitted + w.BytesPending);
        data.Write(w);
        return start..(int)(w.BytesCommitted + w.BytesPending);
    }

    private static void WriteOrigin(Utf8JsonWriter w, in Envelope e)
    {
        Span<byte> timestamp = stackalloc byte[Rfc3339.MaxUtcLength];
        w.WriteString(EnvelopeFields.Encoded(EnvelopeField.Timestamp), timestamp[..Rfc3339.WriteUtc(e.Timestamp.UtcDateTime, timestamp)]);
        WriteEncodedOnce(w, EnvelopeField.InstanceId, ref t_instanceId, e.InstanceId);
    }

    /// <summary>
    /// Writes <paramref name="value"/> (null as null), encoded once for the thread when the same string comes again (an
    /// instance's id, an action's name, often the scope's id: the same object every publish), so that it is transcoded
    /// and checked for escapes once rather than per envelope. A string seen once is written as it is: alternating
    /// values allocate nothing.
    /// </summary>
    private static void WriteEncodedOnce(Utf8JsonWriter w, EnvelopeField field, ref LastEncoded last, string? value)
    {
        var name = EnvelopeFields.Encoded(field);
        if (value is null)
        {
            w.WriteNull(name);
        }
        else if (!ReferenceEquals(last.Value, value))
        {
            last = new LastEncoded { Value = value };
            w.WriteString(name, value);
        }
        else
        {
            if (!last.IsEncoded)
            {
                last.Text = JsonEncodedText.Encode(value);
                last.IsEncoded = true;
            }

            w.WriteString(name, last.Text);
        }
    }

    /// <summary>The string a thread last wrote in a field, and its encoding once it came twice.</summary>
    private struct LastEncoded
    {
        public string? Value;
        public JsonEncodedText Text;
        public bool IsEncoded;
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
