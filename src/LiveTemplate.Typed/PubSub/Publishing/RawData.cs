using System.Text.Json;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.PubSub.Publishing;

/// <summary>Data given as bytes, already checked to be empty or one JSON object.</summary>
internal readonly struct RawData(ReadOnlyMemory<byte> data) : IPublishData
{
    public bool IsEmpty => data.IsEmpty;

    public void Write(Utf8JsonWriter writer) => new RawEnvelopeData(data).Write(writer);

    public ReadOnlyMemory<byte> EncodeAlone() => data;
}
