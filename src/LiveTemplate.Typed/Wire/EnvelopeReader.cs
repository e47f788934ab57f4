using System.Globalization;
using System.Text.Json;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Wire;

/// <summary>
/// Decodes the JSON envelopes of livetemplate's Go <c>pubsub</c> package (and of <see cref="EnvelopeWriter"/>).
/// Unknown fields are ignored, fields may come in any order, duplicates keep the last value (as Go does), and
/// any bad input yields a typed <see cref="EnvelopeError"/> rather than an exception.
/// </summary>
public static class EnvelopeReader
{
    /// <summary>The deepest nesting accepted inside an envelope (the <c>data</c> object included).</summary>
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>Decodes one envelope. The returned message's <c>Data</c> refers into <paramref name="utf8"/>; <c>Payload</c> is decoded into new memory.</summary>
    public static EnvelopeReadResult Read(ReadOnlyMemory<byte> utf8) => Read(utf8, null, null);

    /// <summary>
    /// Decodes one envelope for a broadcaster: with <paramref name="context"/>, an envelope stamped with the
    /// broadcaster's own instance id comes back as <see cref="EnvelopeReadResult.IsEcho"/> once it has been checked
    /// (no message is built), and repeated strings are reused. A group or user id equal to
    /// <paramref name="expectedScopeId"/> (the id of the channel it came on, already validated) reuses that string.
    /// </summary>
    internal static EnvelopeReadResult Read(ReadOnlyMemory<byte> utf8, EnvelopeReadContext? context, string? expectedScopeId)
    {
        var fields = new Fields { Context = context, ExpectedScopeId = expectedScopeId };
        try
        {
            var reader = new Utf8JsonReader(utf8.Span, Options);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return EnvelopeReadResult.Fail(EnvelopeErrorKind.Malformed, "An envelope must be a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var problem = ReadField(ref reader, utf8, ref fields);
                if (problem is not null)
                {
                    return problem.Value;
                }
            }

            // Anything but whitespace after the object makes the reader throw.
            reader.Read();
        }
        catch (JsonException ex)
        {
            return EnvelopeReadResult.Fail(EnvelopeErrorKind.Malformed, $"Invalid JSON at byte {ex.BytePositionInLine ?? 0}.");
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader reports a string that is not valid UTF-8 when it is transcoded.
            return EnvelopeReadResult.Fail(EnvelopeErrorKind.Malformed, "A string field is not valid UTF-8.");
        }

        return Build(in fields);
    }

    private static EnvelopeReadResult? ReadField(ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8, ref Fields fields)
    {
        switch (Identify(ref reader))
        {
            case Field.Type:
                return ReadType(ref reader, ref fields);
            case Field.Scope:
                return ReadScope(ref reader, ref fields);
            case Field.GroupId:
                return ReadScopeId(ref reader, "groupID", ref fields, out fields.GroupId, out fields.GroupIdIsValid);
            case Field.UserId:
                return ReadScopeId(ref reader, "userID", ref fields, out fields.UserId, out fields.UserIdIsValid);
            case Field.Action:
                return ReadAction(ref reader, ref fields);
            case Field.InstanceId:
                return ReadInstanceId(ref reader, ref fields);
            case Field.ExcludeConnectionId:
                return ReadString(ref reader, "excludeConnID", out fields.ExcludeConnectionId);
            case Field.Topic:
                return ReadString(ref reader, "topic", out fields.Topic);
            case Field.Payload:
                return ReadPayload(ref reader, ref fields);
            case Field.Data:
                return ReadData(ref reader, utf8, ref fields);
            case Field.Timestamp:
                return ReadTimestamp(ref reader, ref fields);
            case Field.Seq:
                return ReadSeq(ref reader, ref fields);
            default:
                // A field this reader does not know: skip its value, whatever it is.
                reader.Read();
                reader.Skip();
                return null;
        }
    }

    /// <summary>
    /// Which field the property name at the reader is (names match exactly, as before). A plain name is told by its
    /// length and first byte and then compared once; an escaped one is compared with every name.
    /// </summary>
    private static Field Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return IdentifyByText(ref reader);
        }

        var name = reader.ValueSpan;
        var candidate = name.Length switch
        {
            3 => Field.Seq,
            4 => name[0] == (byte)'t' ? Field.Type : Field.Data,
            5 => name[0] == (byte)'s' ? Field.Scope : Field.Topic,
            6 => name[0] == (byte)'a' ? Field.Action : Field.UserId,
            7 => name[0] == (byte)'g' ? Field.GroupId : Field.Payload,
            9 => Field.Timestamp,
            10 => Field.InstanceId,
            13 => Field.ExcludeConnectionId,
            _ => Field.Unknown,
        };
        return candidate != Field.Unknown && name.SequenceEqual(NameOf(candidate)) ? candidate : Field.Unknown;
    }

    private static Field IdentifyByText(ref Utf8JsonReader reader)
    {
        for (var field = Field.Type; field <= Field.Seq; field++)
        {
            if (reader.ValueTextEquals(NameOf(field)))
            {
                return field;
            }
        }

        return Field.Unknown;
    }

    private static ReadOnlySpan<byte> NameOf(Field field) => field switch
    {
        Field.Type => EnvelopeFields.Type,
        Field.Scope => EnvelopeFields.Scope,
        Field.GroupId => EnvelopeFields.GroupId,
        Field.UserId => EnvelopeFields.UserId,
        Field.Action => EnvelopeFields.Action,
        Field.InstanceId => EnvelopeFields.InstanceId,
        Field.ExcludeConnectionId => EnvelopeFields.ExcludeConnectionId,
        Field.Topic => EnvelopeFields.Topic,
        Field.Payload => EnvelopeFields.Payload,
        Field.Data => EnvelopeFields.Data,
        Field.Timestamp => EnvelopeFields.Timestamp,
        Field.Seq => EnvelopeFields.Seq,
        _ => default,
    };

    private static EnvelopeReadResult? ReadType(ref Utf8JsonReader reader, ref Fields fields)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType("type", "a string");
        }

        fields.Type = reader.ValueTextEquals(EnvelopeFields.BroadcastType) ? MessageType.Broadcast
            : reader.ValueTextEquals(EnvelopeFields.ServerActionType) ? MessageType.ServerAction
            : reader.ValueTextEquals(EnvelopeFields.GroupActionType) ? MessageType.GroupAction
            : MessageType.Unknown;
        if (fields.Type == MessageType.Unknown)
        {
            fields.UnknownType = Shorten(reader.GetString());
        }

        return null;
    }

    private static EnvelopeReadResult? ReadScope(ref Utf8JsonReader reader, ref Fields fields)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            fields.Scope = null;
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType("scope", "a string");
        }

        fields.Scope = reader.ValueTextEquals(EnvelopeFields.GlobalScope) ? BroadcastScope.Global
            : reader.ValueTextEquals(EnvelopeFields.GroupScope) ? BroadcastScope.Group
            : reader.ValueTextEquals(EnvelopeFields.UserScope) ? BroadcastScope.User
            : null;
        return fields.Scope is null
            ? EnvelopeReadResult.Fail(EnvelopeErrorKind.InvalidValue, $"Field 'scope' must be \"global\", \"group\" or \"user\" (was \"{Shorten(reader.GetString())}\").")
            : null;
    }

    private static EnvelopeReadResult? ReadSeq(ref Utf8JsonReader reader, ref Fields fields)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            fields.Seq = 0;
            return null;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongType("seq", "a number");
        }

        return reader.TryGetUInt64(out fields.Seq)
            ? null
            : EnvelopeReadResult.Fail(EnvelopeErrorKind.InvalidValue, "Field 'seq' must be a whole number from 0 to 2^64-1.");
    }

    private static EnvelopeReadResult? ReadString(ref Utf8JsonReader reader, string name, out string? value)
    {
        var problem = ReadStringToken(ref reader, name, out var present);
        value = present ? reader.GetString() : null;
        return problem;
    }

    /// <summary>Moves to the field's value: null or a string; <paramref name="present"/> is true for a string.</summary>
    private static EnvelopeReadResult? ReadStringToken(ref Utf8JsonReader reader, string name, out bool present)
    {
        reader.Read();
        present = reader.TokenType == JsonTokenType.String;
        return present || reader.TokenType == JsonTokenType.Null ? null : WrongType(name, "a string");
    }

    private static EnvelopeReadResult? ReadScopeId(ref Utf8JsonReader reader, string name, ref Fields fields, out string? value, out bool isValid)
    {
        var problem = ReadStringToken(ref reader, name, out var present);
        isValid = present && fields.ExpectedScopeId is { } expected && reader.ValueTextEquals(expected);
        value = !present ? null : isValid ? fields.ExpectedScopeId : reader.GetString();
        return problem;
    }

    private static EnvelopeReadResult? ReadAction(ref Utf8JsonReader reader, ref Fields fields)
    {
        var problem = ReadStringToken(ref reader, "action", out var present);
        var known = present ? fields.Context?.FindAction(ref reader) : null;
        fields.ActionIsKnown = known is not null;
        fields.Action = !present ? null : known ?? reader.GetString();
        return problem;
    }

    private static EnvelopeReadResult? ReadInstanceId(ref Utf8JsonReader reader, ref Fields fields)
    {
        var problem = ReadStringToken(ref reader, "instanceID", out var present);
        var context = fields.Context;
        fields.IsEcho = present && context is not null && reader.ValueTextEquals(context.OwnInstanceId);
        var known = !present ? null : fields.IsEcho ? context!.OwnInstanceId : context?.FindInstanceId(ref reader);
        fields.InstanceIdIsKnown = known is not null;
        fields.InstanceId = !present ? null : known ?? reader.GetString();
        return problem;
    }

    private static EnvelopeReadResult? ReadPayload(ref Utf8JsonReader reader, ref Fields fields)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            fields.Payload = [];
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType("payload", "a base64 string");
        }

        if (!reader.TryGetBytesFromBase64(out var bytes))
        {
            return EnvelopeReadResult.Fail(EnvelopeErrorKind.InvalidValue, "Field 'payload' is not valid base64.");
        }

        fields.Payload = bytes;
        return null;
    }

    private static EnvelopeReadResult? ReadData(ref Utf8JsonReader reader, ReadOnlyMemory<byte> utf8, ref Fields fields)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            fields.Data = default;
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return WrongType("data", "a JSON object");
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        fields.Data = utf8[start..(int)reader.BytesConsumed];
        return null;
    }

    private static EnvelopeReadResult? ReadTimestamp(ref Utf8JsonReader reader, ref Fields fields)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            fields.Timestamp = default;
            return null;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            return WrongType("timestamp", "an RFC 3339 string");
        }

        if (reader.TryGetDateTimeOffset(out var timestamp)
            || DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out timestamp))
        {
            fields.Timestamp = timestamp;
            return null;
        }

        return EnvelopeReadResult.Fail(EnvelopeErrorKind.InvalidValue, "Field 'timestamp' is not an RFC 3339 time.");
    }

    private static EnvelopeReadResult Build(in Fields f)
    {
        var instanceId = f.InstanceId ?? string.Empty;
        switch (f.Type)
        {
            case MessageType.None:
                return EnvelopeReadResult.Fail(EnvelopeErrorKind.MissingField, "Field 'type' is missing.");
            case MessageType.Unknown:
                return EnvelopeReadResult.Fail(EnvelopeErrorKind.UnknownType, $"Message type \"{f.UnknownType}\" is not handled.");
            case MessageType.ServerAction:
            {
                if (((f.UserIdIsValid ? null : RequireUser(f.UserId)) ?? RequireAction(in f)) is { } problem)
                {
                    return problem;
                }

                return f.IsEcho ? EnvelopeReadResult.Echo : Accepted(in f, new ServerActionMessage(UserId.FromValidated(f.UserId!), f.Action!, f.Data, instanceId, f.Timestamp));
            }

            case MessageType.GroupAction:
            {
                if (((f.GroupIdIsValid ? null : RequireGroup(f.GroupId)) ?? RequireAction(in f)) is { } problem)
                {
                    return problem;
                }

                return f.IsEcho ? EnvelopeReadResult.Echo : Accepted(in f, new GroupActionMessage(GroupId.FromValidated(f.GroupId!), f.Action!, f.Data, instanceId, f.Timestamp, f.Seq, f.Topic, f.ExcludeConnectionId));
            }

            default:
                return BuildBroadcast(in f, instanceId);
        }
    }

    private static EnvelopeReadResult BuildBroadcast(in Fields f, string instanceId)
    {
        // Go always writes 'scope'; a sender that does not is read by the id it names.
        var scope = f.Scope ?? (f.GroupId is not null ? BroadcastScope.Group : f.UserId is not null ? BroadcastScope.User : BroadcastScope.Global);
        var problem = scope switch
        {
            BroadcastScope.Group => f.GroupIdIsValid ? null : RequireGroup(f.GroupId),
            BroadcastScope.User => f.UserIdIsValid ? null : RequireUser(f.UserId),
            _ => null,
        };
        if (problem is not null || f.IsEcho)
        {
            return problem ?? EnvelopeReadResult.Echo;
        }

        var payload = f.Payload ?? ReadOnlyMemory<byte>.Empty;
        return Accepted(in f, scope switch
        {
            BroadcastScope.Group => BroadcastMessage.ToGroup(GroupId.FromValidated(f.GroupId!), payload, instanceId, f.Timestamp, f.ExcludeConnectionId),
            BroadcastScope.User => BroadcastMessage.ToUser(UserId.FromValidated(f.UserId!), payload, instanceId, f.Timestamp, f.ExcludeConnectionId),
            _ => BroadcastMessage.ToEveryone(payload, instanceId, f.Timestamp, f.ExcludeConnectionId),
        });
    }

    /// <summary>A valid message from another instance: its instance id and action name are worth remembering.</summary>
    private static EnvelopeReadResult Accepted(in Fields f, PubSubMessage message)
    {
        if (f.Context is { } context)
        {
            if (!f.InstanceIdIsKnown && f.InstanceId is { } instanceId)
            {
                context.RememberInstanceId(instanceId);
            }

            if (!f.ActionIsKnown && f.Action is { } action)
            {
                context.RememberAction(action);
            }
        }

        return EnvelopeReadResult.Ok(message);
    }

    private static EnvelopeReadResult? RequireAction(in Fields f) => f.ActionIsKnown ? null : RequireAction(f.Action);

    private static EnvelopeReadResult? RequireGroup(string? value) => RequireId(value, "groupID", nameof(Typed.GroupId));

    private static EnvelopeReadResult? RequireUser(string? value) => RequireId(value, "userID", nameof(Typed.UserId));

    private static EnvelopeReadResult? RequireId(string? value, string field, string kind)
    {
        if (value is null)
        {
            return EnvelopeReadResult.Fail(EnvelopeErrorKind.MissingField, $"Field '{field}' is missing.");
        }

        var problem = ScopeIdRules.Explain(value, kind);
        return problem is null ? null : EnvelopeReadResult.Fail(EnvelopeErrorKind.InvalidValue, $"Field '{field}': {problem}");
    }

    private static EnvelopeReadResult? RequireAction(string? action)
    {
        if (action is null)
        {
            return EnvelopeReadResult.Fail(EnvelopeErrorKind.MissingField, "Field 'action' is missing.");
        }

        var problem = ActionNameRules.Explain(action);
        return problem is null ? null : EnvelopeReadResult.Fail(EnvelopeErrorKind.InvalidValue, $"Field 'action': {problem}");
    }

    private static EnvelopeReadResult WrongType(string field, string expected)
        => EnvelopeReadResult.Fail(EnvelopeErrorKind.WrongFieldType, $"Field '{field}' must be {expected}.");

    private static string Shorten(string? value) => value is null ? string.Empty : value.Length <= 40 ? value : value[..40] + "…";

    private enum Field
    {
        Unknown,
        Type,
        Scope,
        GroupId,
        UserId,
        Action,
        InstanceId,
        ExcludeConnectionId,
        Topic,
        Payload,
        Data,
        Timestamp,
        Seq,
    }

    private enum MessageType
    {
        None,
        Broadcast,
        ServerAction,
        GroupAction,
        Unknown,
    }

    private struct Fields
    {
        public EnvelopeReadContext? Context;
        public string? ExpectedScopeId;
        public bool IsEcho;
        public bool GroupIdIsValid;
        public bool UserIdIsValid;
        public bool ActionIsKnown;
        public bool InstanceIdIsKnown;
        public MessageType Type;
        public string? UnknownType;
        public BroadcastScope? Scope;
        public string? GroupId;
        public string? UserId;
        public string? ExcludeConnectionId;
        public string? Action;
        public string? Topic;
        public string? InstanceId;
        public byte[]? Payload;
        public ReadOnlyMemory<byte> Data;
        public DateTimeOffset Timestamp;
        public ulong Seq;
    }
}
