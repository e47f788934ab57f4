using System.Text.Json;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Wire;

/// <summary>
/// The <c>data</c> of an action envelope: bytes a caller gave (checked to be one JSON object), or a typed action that
/// its generated code writes straight into the envelope, with no intermediate array and nothing to re-parse.
/// </summary>
internal interface IEnvelopeData
{
    /// <summary>True when there is no data (the field is left out, as Go's omitempty does).</summary>
    bool IsEmpty { get; }

    /// <summary>
    /// True when an error while writing the data (a NaN, nesting too deep) throws from the publish call itself, as it
    /// did when typed actions were serialised before publishing began; false when it comes back in the task.
    /// </summary>
    bool EncodingErrorsThrow { get; }

    /// <summary>Writes the data as the value of the <c>data</c> field.</summary>
    void Write(Utf8JsonWriter writer);

    /// <summary>The message local handlers get: <paramref name="header"/> with its data as it was encoded (in the envelope, which nobody changes).</summary>
    PubSubMessage ForLocalDelivery(PubSubMessage header, ReadOnlyMemory<byte> encodedData);

    /// <summary>The message local handlers get when no envelope is written: the data encoded on its own (the same bytes).</summary>
    PubSubMessage WithoutEnvelope(PubSubMessage header, out int dataLength);
}

/// <summary>Data given as bytes; the message already carries them.</summary>
internal readonly struct RawData(ReadOnlyMemory<byte> data) : IEnvelopeData
{
    public bool IsEmpty => data.IsEmpty;

    public bool EncodingErrorsThrow => false;

    public void Write(Utf8JsonWriter writer) => writer.WriteRawValue(data.Span, skipInputValidation: true);

    public PubSubMessage ForLocalDelivery(PubSubMessage header, ReadOnlyMemory<byte> encodedData) => header;

    public PubSubMessage WithoutEnvelope(PubSubMessage header, out int dataLength)
    {
        dataLength = data.Length;
        return header;
    }
}

/// <summary>A typed action, written by its generated code.</summary>
internal readonly struct TypedData<TAction>(TAction action) : IEnvelopeData
    where TAction : IAction<TAction>
{
    public bool IsEmpty => false;

    public bool EncodingErrorsThrow => true;

    public void Write(Utf8JsonWriter writer) => TAction.Write(writer, action);

    public PubSubMessage ForLocalDelivery(PubSubMessage header, ReadOnlyMemory<byte> encodedData) => header switch
    {
        ServerActionMessage serverAction => serverAction.WithData(encodedData),
        GroupActionMessage groupAction => groupAction.WithData(encodedData),
        _ => header,
    };

    // The same writer settings as inside an envelope (the default encoder, the data's depth limit): the same bytes.
    public PubSubMessage WithoutEnvelope(PubSubMessage header, out int dataLength)
    {
        var encoded = ActionJson.SerializeToUtf8Bytes(action);
        dataLength = encoded.Length;
        return ForLocalDelivery(header, encoded);
    }
}
