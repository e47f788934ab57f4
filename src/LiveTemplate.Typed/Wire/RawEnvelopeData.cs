using System.Text.Json;

namespace LiveTemplate.Typed.Wire;

/// <summary>Data given as the bytes of one JSON object (checked by whoever made them), written as they are.</summary>
internal readonly struct RawEnvelopeData(ReadOnlyMemory<byte> data) : IEnvelopeData
{
    public bool IsEmpty => data.IsEmpty;

    public void Write(Utf8JsonWriter writer) => writer.WriteRawValue(data.Span, skipInputValidation: true);
}
