using System.Text;
using System.Text.Json;

namespace LiveTemplate.Typed.Wire;

/// <summary>
/// The name of every envelope field and of the <c>type</c> and <c>scope</c> values, once: the writer writes them, the
/// reader recognises them and its errors quote them. Names are those of livetemplate's Go structs.
/// </summary>
internal static class EnvelopeFields
{
    private static readonly string[] Names =
    [
        string.Empty, // Unknown
        "type",
        "scope",
        "groupID",
        "userID",
        "action",
        "instanceID",
        "excludeConnID",
        "topic",
        "payload",
        "data",
        "timestamp",
        "seq",
        "traceparent",
        "epoch", // extra fields Go ignores: a stream position, stamped by the transport (StreamStamp)
        "pos",
    ];

    private static readonly byte[][] Utf8Names = Names.Select(Encoding.UTF8.GetBytes).ToArray();
    private static readonly JsonEncodedText[] EncodedNames = Names.Select(n => JsonEncodedText.Encode(n)).ToArray();

    // The fields of each name length: a name is told by its length, then compared with one or two candidates.
    private static readonly EnvelopeField[][] ByLength = GroupByLength();

    public static JsonEncodedText BroadcastType { get; } = JsonEncodedText.Encode("broadcast");

    public static JsonEncodedText ServerActionType { get; } = JsonEncodedText.Encode("server_action");

    public static JsonEncodedText GroupActionType { get; } = JsonEncodedText.Encode("group_action");

    public static JsonEncodedText TopicActionType { get; } = JsonEncodedText.Encode("topic_action");

    public static JsonEncodedText GlobalScope { get; } = JsonEncodedText.Encode("global");

    public static JsonEncodedText GroupScope { get; } = JsonEncodedText.Encode("group");

    public static JsonEncodedText UserScope { get; } = JsonEncodedText.Encode("user");

    /// <summary>The field's name as it appears in messages about it.</summary>
    public static string Name(EnvelopeField field) => Names[(int)field];

    /// <summary>The field's name as UTF-8 bytes.</summary>
    public static ReadOnlySpan<byte> Utf8(EnvelopeField field) => Utf8Names[(int)field];

    /// <summary>The field's name, pre-encoded for <see cref="Utf8JsonWriter"/>.</summary>
    public static JsonEncodedText Encoded(EnvelopeField field) => EncodedNames[(int)field];

    /// <summary>The field whose name is exactly <paramref name="name"/> (unescaped UTF-8), or <see cref="EnvelopeField.Unknown"/>.</summary>
    public static EnvelopeField Identify(ReadOnlySpan<byte> name)
    {
        if ((uint)name.Length >= (uint)ByLength.Length)
        {
            return EnvelopeField.Unknown;
        }

        foreach (var candidate in ByLength[name.Length])
        {
            if (name.SequenceEqual(Utf8Names[(int)candidate]))
            {
                return candidate;
            }
        }

        return EnvelopeField.Unknown;
    }

    /// <summary>The field the reader's current property name is, comparing its unescaped text (for escaped names).</summary>
    public static EnvelopeField IdentifyEscaped(ref Utf8JsonReader reader)
    {
        for (var field = EnvelopeField.Type; (int)field < Names.Length; field++)
        {
            if (reader.ValueTextEquals(Utf8Names[(int)field]))
            {
                return field;
            }
        }

        return EnvelopeField.Unknown;
    }

    private static EnvelopeField[][] GroupByLength()
    {
        var longest = Names.Max(n => n.Length);
        var byLength = new EnvelopeField[longest + 1][];
        for (var length = 0; length <= longest; length++)
        {
            byLength[length] = Enumerable.Range(1, Names.Length - 1)
                .Where(i => Names[i].Length == length)
                .Select(i => (EnvelopeField)i)
                .ToArray();
        }

        return byLength;
    }
}
