using System.Text.Json;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Topics;

/// <summary>
/// The topic frames a browser receives: <c>{"type":"topic","topic":"…","action":"…","data":{…}}</c> for each topic action
/// of a topic or pattern it subscribed to, and <c>{"type":"subscribed|unsubscribed","name":"…"}</c> answering its frames.
/// </summary>
internal static class TopicFrames
{
    public static void WriteAction(Utf8JsonWriter writer, TopicActionMessage message)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, "topic"u8);
        writer.WriteString("topic"u8, message.Topic.Value);
        writer.WriteString("action"u8, message.Action);
        writer.WritePropertyName("data"u8);
        if (message.Data.IsEmpty)
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteRawValue(message.Data.Span, skipInputValidation: false);
        }

        writer.WriteEndObject();
    }

    public static void WriteAnswer(Utf8JsonWriter writer, (bool Subscribed, string Name) answer)
    {
        writer.WriteStartObject();
        writer.WriteString("type"u8, answer.Subscribed ? "subscribed"u8 : "unsubscribed"u8);
        writer.WriteString("name"u8, answer.Name);
        writer.WriteEndObject();
    }
}
