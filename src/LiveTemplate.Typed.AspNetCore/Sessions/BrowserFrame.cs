using System.Text.Json;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// A frame from the browser: <c>{"action":"card-moved","data":{…}}</c>, or for presence <c>{"presence":"track","data":{…}}</c>
/// (<c>track</c>, <c>update</c>, <c>untrack</c>, <c>list</c>), or for topics <c>{"topic":"subscribe","name":"room/*"}</c>
/// (<c>subscribe</c>, <c>unsubscribe</c>). <c>data</c> is optional (an absent or null <c>data</c> reads as <c>{}</c>); other
/// members are ignored.
/// </summary>
internal readonly record struct BrowserFrame(string Action, ReadOnlyMemory<byte> Data, string? Presence = null, string? Topic = null, string? Name = null)
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 64 };

    /// <summary>Parses one frame; never throws for bad input, and copies the data out of <paramref name="utf8"/>.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out BrowserFrame frame, out string error)
    {
        frame = default;
        try
        {
            return TryRead(utf8, out frame, out error);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            error = "The frame is not valid JSON.";
            return false;
        }
    }

    private static bool TryRead(ReadOnlySpan<byte> utf8, out BrowserFrame frame, out string error)
    {
        frame = default;
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            error = "A frame must be a JSON object: {\"action\":\"name\",\"data\":{…}}.";
            return false;
        }

        string? action = null;
        string? presence = null;
        string? topic = null;
        string? name = null;
        var badName = false;
        ReadOnlyMemory<byte> data = default;
        var sawData = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("action"u8))
            {
                if (action is not null || !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    error = "\"action\" must appear once, as a string.";
                    return false;
                }

                action = reader.GetString()!;
            }
            else if (reader.ValueTextEquals("presence"u8))
            {
                if (presence is not null || !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    error = "\"presence\" must appear once, as a string.";
                    return false;
                }

                presence = reader.GetString()!;
            }
            else if (reader.ValueTextEquals("topic"u8))
            {
                if (topic is not null || !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    error = "\"topic\" must appear once, as a string.";
                    return false;
                }

                topic = reader.GetString()!;
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                // A topic frame's member: checked once the frame is known to be one (another frame ignores it).
                var seen = name is not null || badName;
                reader.Read();
                if (seen || reader.TokenType != JsonTokenType.String)
                {
                    badName = true;
                    reader.Skip();
                }
                else
                {
                    name = reader.GetString()!;
                }
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                if (sawData || !reader.Read() || reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.Null))
                {
                    error = "\"data\" must appear at most once, as an object.";
                    return false;
                }

                sawData = true;
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                data = reader.TokenType == JsonTokenType.Null ? default : utf8[start..(int)reader.BytesConsumed].ToArray();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // Reading on proves the object is closed and nothing but whitespace follows it.
        while (reader.Read())
        {
        }

        if ((action is not null ? 1 : 0) + (presence is not null ? 1 : 0) + (topic is not null ? 1 : 0) > 1)
        {
            error = "A frame has one of \"action\", \"presence\" or \"topic\", not several.";
            return false;
        }

        if (topic is not null)
        {
            if (badName)
            {
                error = "\"name\" must appear once, as a string.";
                return false;
            }

            frame = new BrowserFrame(string.Empty, data, Topic: topic, Name: name);
            error = string.Empty;
            return true;
        }

        if (presence is not null)
        {
            frame = new BrowserFrame(string.Empty, data, presence);
            error = string.Empty;
            return true;
        }

        if (action is null)
        {
            error = "The frame has no \"action\".";
            return false;
        }

        if (ActionNameRules.Explain(action) is { } problem)
        {
            error = problem;
            return false;
        }

        frame = new BrowserFrame(action, data);
        error = string.Empty;
        return true;
    }
}
