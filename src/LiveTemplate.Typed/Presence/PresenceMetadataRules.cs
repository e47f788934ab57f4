using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.Presence;

/// <summary>What metadata may be: one JSON object within the size bound; empty means <c>{}</c>.</summary>
internal static class PresenceMetadataRules
{
    private static readonly byte[] Empty = "{}"u8.ToArray();

    /// <summary>Why <paramref name="metadata"/> is refused, or null when it is accepted.</summary>
    public static string? Explain(ReadOnlySpan<byte> metadata, int maxBytes)
    {
        if (metadata.Length > maxBytes)
        {
            return $"Presence metadata holds at most {maxBytes} bytes (was {metadata.Length}).";
        }

        try
        {
            JsonObjectCheck.EnsureObjectOrEmpty(metadata, "metadata");
            return null;
        }
        catch (ArgumentException)
        {
            return "Presence metadata must be one UTF-8 JSON object.";
        }
    }

    /// <summary>The metadata as stored: a copy (the caller may reuse its buffer), <c>{}</c> for empty.</summary>
    public static ReadOnlyMemory<byte> Validate(ReadOnlyMemory<byte> metadata, int maxBytes, string paramName)
    {
        if (Explain(metadata.Span, maxBytes) is { } problem)
        {
            throw new ArgumentException(problem, paramName);
        }

        return metadata.IsEmpty ? Empty : metadata.ToArray();
    }
}
