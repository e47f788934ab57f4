using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Recovery;

/// <summary>
/// What a reconnecting browser presents in the query parameter <c>resume</c>:
/// <c>{"connectionId":"…","streams":{"group-action":"epoch:offset",…}}</c>, the id its last connection was given (the
/// messages that connection sent are not shown again) and the last position it has of each stream.
/// </summary>
internal sealed class ResumeRequest
{
    public const string QueryParameter = "resume";
    private const int MaxLength = 4096;

    private ResumeRequest(string? previousConnectionId, Dictionary<ChannelKind, StreamPosition> positions)
    {
        PreviousConnectionId = previousConnectionId;
        Positions = positions;
    }

    public static ResumeRequest None { get; } = new(null, []);

    /// <summary>The id of the browser's previous connection, or null.</summary>
    public string? PreviousConnectionId { get; }

    /// <summary>The last position the browser has of each stream it presented.</summary>
    public IReadOnlyDictionary<ChannelKind, StreamPosition> Positions { get; }

    public bool IsResume => Positions.Count > 0;

    /// <summary>Reads the parameter (absent is no resume); false with a sentence saying what is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ResumeRequest? request, [NotNullWhen(false)] out string? problem)
    {
        request = None;
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        const string Shape = "The resume parameter must be {\"connectionId\":\"…\",\"streams\":{\"group-action\":\"epoch:offset\",…}}";
        if (text.Length > MaxLength)
        {
            request = null;
            problem = $"The resume parameter is longer than {MaxLength} characters.";
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Fail(Shape + ".", out request, out problem);
            }

            string? previous = null;
            var positions = new Dictionary<ChannelKind, StreamPosition>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (!seen.Add(member.Name))
                {
                    return Fail($"The resume parameter has '{member.Name}' twice.", out request, out problem);
                }

                if (member.NameEquals("connectionId") && member.Value.ValueKind == JsonValueKind.String)
                {
                    previous = member.Value.GetString();
                }
                else if (member.NameEquals("streams") && member.Value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var stream in member.Value.EnumerateObject())
                    {
                        if (!StreamNames.TryParse(stream.Name, out var kind))
                        {
                            return Fail($"The resume parameter names an unknown stream '{stream.Name}' (known: global, group, user, group-action, server-action).", out request, out problem);
                        }

                        if (stream.Value.ValueKind != JsonValueKind.String || !StreamPosition.TryParse(stream.Value.GetString(), out var position))
                        {
                            return Fail($"The resume position of '{stream.Name}' must be \"epoch:offset\".", out request, out problem);
                        }

                        if (!positions.TryAdd(kind, position))
                        {
                            return Fail($"The resume parameter has the stream '{stream.Name}' twice.", out request, out problem);
                        }
                    }
                }
                else
                {
                    return Fail(Shape + $" ('{member.Name}' is not one of its members, or has the wrong type).", out request, out problem);
                }
            }

            request = new ResumeRequest(previous, positions);
            return true;
        }
        catch (JsonException)
        {
            return Fail("The resume parameter is not valid JSON. " + Shape + ".", out request, out problem);
        }
    }

    private static bool Fail(string why, out ResumeRequest? request, out string? problem)
    {
        request = null;
        problem = why;
        return false;
    }
}
