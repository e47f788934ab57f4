using System.Buffers;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.PubSub.Codec;

/// <summary>
/// Messages to envelopes and back: the meaning the wire fields carry. Decoding validates what the wire layer cannot
/// know (scope ids, action names, which fields a message type needs) and builds the message; encoding lays a message
/// out as its envelope's fields.
/// </summary>
internal static class EnvelopeCodec
{
    /// <summary>Decodes one envelope (tests and tools: no context, no channel).</summary>
    public static EnvelopeReadResult Decode(ReadOnlyMemory<byte> utf8) => Decode(utf8, null, null);

    /// <summary>
    /// Decodes one envelope for a broadcaster: with <paramref name="context"/>, its own echo comes back as
    /// <see cref="EnvelopeReadResult.IsEcho"/> once it has been checked (no message is built) and repeated strings are
    /// reused; a group or user id equal to <paramref name="expectedScopeId"/> (the channel's, already valid) reuses it.
    /// </summary>
    public static EnvelopeReadResult Decode(ReadOnlyMemory<byte> utf8, EnvelopeReadContext? context, string? expectedScopeId)
    {
        if (!EnvelopeReader.TryRead(utf8, context, expectedScopeId, out var e, out var error))
        {
            return EnvelopeReadResult.Fail(error!);
        }

        if (Check(in e) is { } problem)
        {
            return EnvelopeReadResult.Fail(problem);
        }

        // Our own echo was delivered locally when published; a positioned one was not (a channel with history
        // delivers in stream order, its publisher included), so it goes on like any other.
        if (e.IsEcho && e.Position == 0)
        {
            return EnvelopeReadResult.Echo;
        }

        Remember(in e, context);
        return EnvelopeReadResult.Ok(ToMessage(in e, e.Data));
    }

    /// <summary>Encodes <paramref name="message"/> with the data it carries (tests and tools: unsigned).</summary>
    public static byte[] Encode(PubSubMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var header = ToEnvelope(message);
        return EnvelopeWriter.ToArray(in header, new RawEnvelopeData(DataOf(message)), null, string.Empty, out _);
    }

    /// <summary>Writes <paramref name="message"/>'s envelope to an empty <paramref name="output"/> (tests and tools: unsigned).</summary>
    public static void Write(IBufferWriter<byte> output, PubSubMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var header = ToEnvelope(message);
        EnvelopeWriter.Write(output, in header, new RawEnvelopeData(DataOf(message)));
    }

    /// <summary>The envelope fields of <paramref name="message"/>; its action data is written separately.</summary>
    public static Envelope ToEnvelope(PubSubMessage message) => message switch
    {
        ServerActionMessage m => new Envelope
        {
            Type = EnvelopeType.ServerAction,
            UserId = m.UserId.Value,
            Action = m.Action,
            InstanceId = m.InstanceId,
            Timestamp = m.Timestamp,
        },
        GroupActionMessage m => new Envelope
        {
            Type = EnvelopeType.GroupAction,
            GroupId = m.GroupId.Value,
            Topic = m.Topic,
            Action = m.Action,
            Seq = m.Seq,
            ExcludeConnectionId = m.ExcludeConnectionId,
            InstanceId = m.InstanceId,
            Timestamp = m.Timestamp,
        },
        TopicActionMessage m => new Envelope
        {
            Type = EnvelopeType.TopicAction,
            GroupId = string.Empty,
            Topic = m.Topic.Value,
            Action = m.Action,
            Seq = m.Seq,
            InstanceId = m.InstanceId,
            Timestamp = m.Timestamp,
            TraceParent = m.TraceParent,
        },
        BroadcastMessage m => new Envelope
        {
            Type = EnvelopeType.Broadcast,
            Scope = m.Scope switch { BroadcastScope.Group => EnvelopeScope.Group, BroadcastScope.User => EnvelopeScope.User, _ => EnvelopeScope.Global },
            GroupId = m.GroupId?.Value,
            UserId = m.UserId?.Value,
            ExcludeConnectionId = m.ExcludeConnectionId,
            Payload = m.Payload,
            InstanceId = m.InstanceId,
            Timestamp = m.Timestamp,
            TraceParent = m.TraceParent,
        },
        _ => throw new ArgumentException($"Unknown message type {message.GetType()}.", nameof(message)),
    };

    /// <summary>The action data a message carries (empty for broadcasts).</summary>
    public static ReadOnlyMemory<byte> DataOf(PubSubMessage message) => message switch
    {
        ServerActionMessage m => m.Data,
        GroupActionMessage m => m.Data,
        TopicActionMessage m => m.Data,
        _ => default,
    };

    /// <summary>What makes a well-formed envelope unacceptable as a message, or null.</summary>
    private static EnvelopeError? Check(in Envelope e) => CheckPosition(in e) ?? CheckFields(in e);

    // A position is both fields or neither.
    private static EnvelopeError? CheckPosition(in Envelope e)
        => (e.Epoch is null) == (e.Position == 0) ? null : EnvelopeError.Missing(e.Epoch is null ? EnvelopeField.Epoch : EnvelopeField.Position);

    private static EnvelopeError? CheckFields(in Envelope e) => e.Type switch
    {
        EnvelopeType.Unknown => EnvelopeError.UnknownType(e.UnknownType),
        EnvelopeType.ServerAction => (e.UserIdIsExpected ? null : CheckUser(e.UserId)) ?? CheckAction(in e),
        EnvelopeType.GroupAction => (e.GroupIdIsExpected ? null : CheckGroup(e.GroupId)) ?? CheckAction(in e),
        EnvelopeType.TopicAction => CheckTopic(in e) ?? CheckAction(in e),
        _ => BroadcastScopeOf(in e) switch
        {
            EnvelopeScope.Group => e.GroupIdIsExpected ? null : CheckGroup(e.GroupId),
            EnvelopeScope.User => e.UserIdIsExpected ? null : CheckUser(e.UserId),
            _ => null,
        },
    };

    // Go always writes 'scope'; a sender that does not is read by the id it names.
    private static EnvelopeScope BroadcastScopeOf(in Envelope e)
        => e.Scope ?? (e.GroupId is not null ? EnvelopeScope.Group : e.UserId is not null ? EnvelopeScope.User : EnvelopeScope.Global);

    private static EnvelopeError? CheckAction(in Envelope e)
    {
        if (e.ActionIsKnown)
        {
            return null;
        }

        if (e.Action is null)
        {
            return EnvelopeError.Missing(EnvelopeField.Action);
        }

        return ActionNameRules.Explain(e.Action) is { } problem ? EnvelopeError.Breaks(EnvelopeField.Action, problem) : null;
    }

    // Go always writes an empty groupID on a topic action; one that names a group is not a topic action of Go's.
    private static EnvelopeError? CheckTopic(in Envelope e)
    {
        if (!string.IsNullOrEmpty(e.GroupId))
        {
            return EnvelopeError.Invalid(EnvelopeField.GroupId, "must be empty on a topic_action");
        }

        if (e.Topic is null)
        {
            return EnvelopeError.Missing(EnvelopeField.Topic);
        }

        return TopicText.ExplainTopic(e.Topic) is { } problem ? EnvelopeError.Breaks(EnvelopeField.Topic, problem) : null;
    }

    private static EnvelopeError? CheckGroup(string? value) => CheckId(value, EnvelopeField.GroupId, nameof(GroupId));

    private static EnvelopeError? CheckUser(string? value) => CheckId(value, EnvelopeField.UserId, nameof(UserId));

    private static EnvelopeError? CheckId(string? value, EnvelopeField field, string kind)
    {
        if (value is null)
        {
            return EnvelopeError.Missing(field);
        }

        return ScopeIdRules.Explain(value, kind) is { } problem ? EnvelopeError.Breaks(field, problem) : null;
    }

    /// <summary>A valid message from another instance: its instance id and action name are worth remembering.</summary>
    private static void Remember(in Envelope e, EnvelopeReadContext? context)
    {
        if (context is null)
        {
            return;
        }

        if (!e.InstanceIdIsKnown && e.InstanceId is { } instanceId)
        {
            context.RememberInstanceId(instanceId);
        }

        if (!e.ActionIsKnown && e.Action is { } action)
        {
            context.RememberAction(action);
        }
    }

    /// <summary>The message of an envelope whose fields are valid, with <paramref name="data"/> as its action data.</summary>
    public static PubSubMessage ToMessage(in Envelope e, ReadOnlyMemory<byte> data)
    {
        var message = Build(in e, data);
        message.TraceParent = e.TraceParent;
        if (e.Epoch is { } epoch)
        {
            message.Position = new StreamPosition(epoch, e.Position);
        }

        return message;
    }

    private static PubSubMessage Build(in Envelope e, ReadOnlyMemory<byte> data)
    {
        var instanceId = e.InstanceId ?? string.Empty;
        return e.Type switch
        {
            EnvelopeType.ServerAction => new ServerActionMessage(UserId.FromValidated(e.UserId!), e.Action!, data, instanceId, e.Timestamp),
            EnvelopeType.GroupAction => new GroupActionMessage(GroupId.FromValidated(e.GroupId!), e.Action!, data, instanceId, e.Timestamp, e.Seq, e.Topic, e.ExcludeConnectionId),
            EnvelopeType.TopicAction => new TopicActionMessage(Topic.FromValidated(e.Topic!), e.Action!, data, instanceId, e.Timestamp, e.Seq),
            _ => BroadcastScopeOf(in e) switch
            {
                EnvelopeScope.Group => BroadcastMessage.ToGroup(GroupId.FromValidated(e.GroupId!), e.Payload, instanceId, e.Timestamp, e.ExcludeConnectionId),
                EnvelopeScope.User => BroadcastMessage.ToUser(UserId.FromValidated(e.UserId!), e.Payload, instanceId, e.Timestamp, e.ExcludeConnectionId),
                _ => BroadcastMessage.ToEveryone(e.Payload, instanceId, e.Timestamp, e.ExcludeConnectionId),
            },
        };
    }
}
