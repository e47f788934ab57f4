using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.Presence;

/// <summary>Typed metadata to and from the JSON a presence store keeps, with the generated code of <see cref="IPresenceMetadata{TSelf}"/>.</summary>
public static class PresenceMetadata
{
    /// <summary>The UTF-8 JSON object of <paramref name="value"/>.</summary>
    public static byte[] ToJson<TMetadata>(TMetadata value)
        where TMetadata : IPresenceMetadata<TMetadata>
    {
        ArgumentNullException.ThrowIfNull(value);
        using var buffer = new PooledBufferWriter();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            TMetadata.Write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a member's or an event's metadata as <typeparamref name="TMetadata"/>; false with an error naming the member when it does not decode.</summary>
    public static bool TryRead<TMetadata>(ReadOnlyMemory<byte> json, [MaybeNullWhen(false)] out TMetadata value, [NotNullWhen(false)] out ActionDataError? error)
        where TMetadata : IPresenceMetadata<TMetadata>
        => TMetadata.TryRead(json.Span, out value, out error);
}
