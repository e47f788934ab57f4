using System.Text.Json;

namespace LiveTemplate.Typed.Wire;

/// <summary>Checks that action data is a single well-formed JSON object, so no envelope carries broken JSON.</summary>
internal static class JsonObjectCheck
{
    public static void EnsureObjectOrEmpty(ReadOnlySpan<byte> data, string paramName)
    {
        if (data.IsEmpty)
        {
            return;
        }

        try
        {
            var reader = new Utf8JsonReader(data, new JsonReaderOptions { MaxDepth = EnvelopeLimits.MaxDataDepth });
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                reader.Skip();
                if (!reader.Read())
                {
                    return;
                }
            }
        }
        catch (JsonException)
        {
        }

        throw new ArgumentException("Action data must be empty or one UTF-8 JSON object.", paramName);
    }
}
