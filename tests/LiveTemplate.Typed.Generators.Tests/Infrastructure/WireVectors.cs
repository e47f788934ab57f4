using System.Text.Json;

namespace LiveTemplate.Typed.Generators.Tests.Infrastructure;

/// <summary>The Go wire vectors (tests/wire-vectors, copied to the output folder).</summary>
internal static class WireVectors
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "wire-vectors");

    public static byte[] Envelope(string file) => File.ReadAllBytes(Path.Combine(Directory, file));

    /// <summary>The raw UTF-8 of the envelope's <c>data</c> object, exactly as Go wrote it (escapes included).</summary>
    public static byte[] Data(string file)
    {
        var envelope = Envelope(file);
        var reader = new Utf8JsonReader(envelope);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return envelope[start..(int)reader.BytesConsumed];
            }
        }

        return [];
    }
}
