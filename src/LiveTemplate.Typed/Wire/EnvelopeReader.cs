using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;

namespace LiveTemplate.Typed.Wire;

/// <summary>
/// Decodes the JSON envelopes of livetemplate's Go <c>pubsub</c> package into their fields. Unknown fields are skipped,
/// fields may come in any order, a repeated field keeps its last value (as Go does), and bad input is an
/// <see cref="EnvelopeError"/>, never an exception. What the fields mean (valid ids, action names) is for the caller.
/// </summary>
internal static class EnvelopeReader
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = EnvelopeLimits.MaxEnvelopeDepth };

    /// <summary>
    /// Decodes one envelope. <see cref="Envelope.Data"/> refers into <paramref name="utf8"/>; the payload is decoded
    /// into new memory. With <paramref name="context"/>, the broadcaster's own instance id sets
    /// <see cref="Envelope.IsEcho"/> and repeated strings are reused; a group or user id equal to
    /// <paramref name="expectedScopeId"/> (the id of the channel it came on) reuses that string.
    /// </summary>
    public static bool TryRead(ReadOnlyMemory<byte> utf8, EnvelopeReadContext? context, string? expectedScopeId, out Envelope envelope, out EnvelopeError? error)
    {
        envelope = default;
        var state = new ReadState(context, expectedScopeId);

        // One rule for every byte: an envelope that is not valid UTF-8 is malformed, wherever the bad bytes are
        // (Utf8JsonReader checks only the strings it transcodes, not those it skips or hands over raw).
        if (!Utf8.IsValid(utf8.Span))
        {
            error = EnvelopeError.Malformed("The envelope is not valid UTF-8.");
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8.Span, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = EnvelopeError.Malformed("An envelope must be a JSON object.");
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (ReadField(ref reader, utf8, ref envelope, in state) is { } problem)
                {
                    error = problem;
                    return false;
                }
            }

            // Anything but whitespace after the object makes the reader throw.
            reader.Read();
        }
        catch (JsonException ex)
        {
            error = EnvelopeError.Malformed($"Invalid JSON at byte {ex.BytePositionInLine ?? 0}.");
            return false;
        }

        error = envelope.Type == EnvelopeType.None ? EnvelopeError.Missing(EnvelopeField.Type) : null;
        return error is null;
    }

    private static EnvelopeError? ReadField(ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8, ref Envelope e, in ReadState state)
    {
        var field = reader.ValueIsEscaped || reader.HasValueSequence ? EnvelopeFields.IdentifyEscaped(ref reader) : EnvelopeFields.Identify(reader.ValueSpan);
        reader.Read();
        switch (field)
        {
            case EnvelopeField.Type:
                return ReadType(ref reader, ref e);
            case EnvelopeField.Scope:
                return ReadScope(ref reader, ref e);
            case EnvelopeField.GroupId:
                return ReadScopeId(ref reader, field, in state, out e.GroupId, out e.GroupIdIsExpected);
            case EnvelopeField.UserId:
                return ReadScopeId(ref reader, field, in state, out e.UserId, out e.UserIdIsExpected);
            case EnvelopeField.Action:
                return ReadRemembered(ref reader, field, state.Context?.FindAction(ref reader), out e.Action, out e.ActionIsKnown);
            case EnvelopeField.InstanceId:
                return ReadInstanceId(ref reader, ref e, in state);
            case EnvelopeField.ExcludeConnectionId:
                return ReadString(ref reader, field, out e.ExcludeConnectionId);
            case EnvelopeField.Topic:
                return ReadString(ref reader, field, out e.Topic);
            case EnvelopeField.Payload:
                return ReadPayload(ref reader, ref e);
            case EnvelopeField.Data:
                return ReadData(ref reader, utf8, ref e);
            case EnvelopeField.Timestamp:
                return ReadTimestamp(ref reader, ref e);
            case EnvelopeField.Seq:
                return ReadSeq(ref reader, ref e);
            case EnvelopeField.TraceParent:
                return ReadString(ref reader, field, out e.TraceParent);
            case EnvelopeField.Epoch:
                return ReadEpoch(ref reader, ref e);
            case EnvelopeField.Position:
                return ReadNumber(ref reader, EnvelopeField.Position, out e.Position);
            default:
                // A field this reader does not know: skip its value, whatever it is.
                reader.Skip();
                return null;
        }
    }

    private static EnvelopeError? ReadType(ref Utf8JsonReader reader, ref Envelope e)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return EnvelopeError.WrongType(EnvelopeField.Type, "a string");
        }

        e.Type = reader.ValueTextEquals(EnvelopeFields.BroadcastType.EncodedUtf8Bytes) ? EnvelopeType.Broadcast
            : reader.ValueTextEquals(EnvelopeFields.ServerActionType.EncodedUtf8Bytes) ? EnvelopeType.ServerAction
            : reader.ValueTextEquals(EnvelopeFields.GroupActionType.EncodedUtf8Bytes) ? EnvelopeType.GroupAction
            : reader.ValueTextEquals(EnvelopeFields.TopicActionType.EncodedUtf8Bytes) ? EnvelopeType.TopicAction
            : EnvelopeType.Unknown;
        e.UnknownType = e.Type == EnvelopeType.Unknown ? EnvelopeError.Shorten(reader.GetString()) : null;
        return null;
    }

    private static EnvelopeError? ReadScope(ref Utf8JsonReader reader, ref Envelope e)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            e.Scope = null;
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return EnvelopeError.WrongType(EnvelopeField.Scope, "a string");
        }

        e.Scope = reader.ValueTextEquals(EnvelopeFields.GlobalScope.EncodedUtf8Bytes) ? EnvelopeScope.Global
            : reader.ValueTextEquals(EnvelopeFields.GroupScope.EncodedUtf8Bytes) ? EnvelopeScope.Group
            : reader.ValueTextEquals(EnvelopeFields.UserScope.EncodedUtf8Bytes) ? EnvelopeScope.User
            : null;
        return e.Scope is null
            ? EnvelopeError.Invalid(EnvelopeField.Scope, $"must be \"global\", \"group\" or \"user\" (was \"{EnvelopeError.Shorten(reader.GetString())}\")")
            : null;
    }

    private static EnvelopeError? ReadSeq(ref Utf8JsonReader reader, ref Envelope e) => ReadNumber(ref reader, EnvelopeField.Seq, out e.Seq);

    private static EnvelopeError? ReadNumber(ref Utf8JsonReader reader, EnvelopeField field, out ulong value)
    {
        value = 0;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            return EnvelopeError.WrongType(field, "a number");
        }

        return reader.TryGetUInt64(out value) ? null : EnvelopeError.Invalid(field, "must be a whole number from 0 to 2^64-1");
    }

    private static EnvelopeError? ReadEpoch(ref Utf8JsonReader reader, ref Envelope e)
    {
        var problem = ReadString(ref reader, EnvelopeField.Epoch, out e.Epoch);
        if (problem is null && e.Epoch is { } epoch && !StreamStamp.IsValidEpoch(epoch))
        {
            return EnvelopeError.Invalid(EnvelopeField.Epoch, $"must be 1 to {StreamStamp.MaxEpochLength} characters from A-Z a-z 0-9 _ -");
        }

        return problem;
    }

    /// <summary>Checks the value is null or a string; <paramref name="present"/> is true for a string.</summary>
    private static EnvelopeError? ExpectString(ref Utf8JsonReader reader, EnvelopeField field, out bool present)
    {
        present = reader.TokenType == JsonTokenType.String;
        return present || reader.TokenType == JsonTokenType.Null ? null : EnvelopeError.WrongType(field, "a string");
    }

    private static EnvelopeError? ReadString(ref Utf8JsonReader reader, EnvelopeField field, out string? value)
    {
        var problem = ExpectString(ref reader, field, out var present);
        value = present ? reader.GetString() : null;
        return problem;
    }

    private static EnvelopeError? ReadScopeId(ref Utf8JsonReader reader, EnvelopeField field, in ReadState state, out string? value, out bool isExpected)
    {
        var problem = ExpectString(ref reader, field, out var present);
        isExpected = present && state.ExpectedScopeId is { } expected && reader.ValueTextEquals(expected);
        value = !present ? null : isExpected ? state.ExpectedScopeId : reader.GetString();
        return problem;
    }

    private static EnvelopeError? ReadRemembered(ref Utf8JsonReader reader, EnvelopeField field, string? remembered, out string? value, out bool isKnown)
    {
        var problem = ExpectString(ref reader, field, out var present);
        isKnown = present && remembered is not null;
        value = !present ? null : remembered ?? reader.GetString();
        return problem;
    }

    private static EnvelopeError? ReadInstanceId(ref Utf8JsonReader reader, ref Envelope e, in ReadState state)
    {
        var problem = ExpectString(ref reader, EnvelopeField.InstanceId, out var present);
        var context = state.Context;
        e.IsEcho = present && context is not null && reader.ValueTextEquals(context.OwnInstanceId);
        var known = !present ? null : e.IsEcho ? context!.OwnInstanceId : context?.FindInstanceId(ref reader);
        e.InstanceIdIsKnown = known is not null;
        e.InstanceId = !present ? null : known ?? reader.GetString();
        return problem;
    }

    private static EnvelopeError? ReadPayload(ref Utf8JsonReader reader, ref Envelope e)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            e.Payload = default;
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return EnvelopeError.WrongType(EnvelopeField.Payload, "a base64 string");
        }

        if (!reader.TryGetBytesFromBase64(out var payload))
        {
            return EnvelopeError.Invalid(EnvelopeField.Payload, "is not valid base64");
        }

        e.Payload = payload;
        return null;
    }

    private static EnvelopeError? ReadData(ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8, ref Envelope e)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            e.Data = default;
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return EnvelopeError.WrongType(EnvelopeField.Data, "a JSON object");
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        e.Data = utf8[start..(int)reader.BytesConsumed];
        return null;
    }

    private static EnvelopeError? ReadTimestamp(ref Utf8JsonReader reader, ref Envelope e)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            e.Timestamp = default;
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return EnvelopeError.WrongType(EnvelopeField.Timestamp, "an RFC 3339 string");
        }

        // The common form (ours and Go's) without the general parser; every other form through it.
        if ((!reader.ValueIsEscaped && !reader.HasValueSequence && Rfc3339.TryReadUtc(reader.ValueSpan, out e.Timestamp))
            || reader.TryGetDateTimeOffset(out e.Timestamp)
            || DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out e.Timestamp))
        {
            return null;
        }

        return EnvelopeError.Invalid(EnvelopeField.Timestamp, "is not an RFC 3339 time");
    }

    private readonly struct ReadState(EnvelopeReadContext? context, string? expectedScopeId)
    {
        public EnvelopeReadContext? Context { get; } = context;

        public string? ExpectedScopeId { get; } = expectedScopeId;
    }
}
