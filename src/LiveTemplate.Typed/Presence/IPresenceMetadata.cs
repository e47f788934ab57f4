using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed.Presence;

/// <summary>
/// Typed metadata of a present connection (who it is, what it is doing), generated for records marked
/// <see cref="PresenceMetadataAttribute"/>: the JSON code that writes and reads it without reflection.
/// </summary>
/// <typeparam name="TSelf">The metadata record itself.</typeparam>
public interface IPresenceMetadata<TSelf>
    where TSelf : IPresenceMetadata<TSelf>
{
    /// <summary>Writes <paramref name="value"/> as one JSON object.</summary>
    static abstract void Write(Utf8JsonWriter writer, TSelf value);

    /// <summary>Reads the metadata from UTF-8 JSON; never throws for bad input: returns false with an <paramref name="error"/> naming the member.</summary>
    static abstract bool TryRead(ReadOnlySpan<byte> utf8Json, [MaybeNullWhen(false)] out TSelf value, [NotNullWhen(false)] out ActionDataError? error);
}
