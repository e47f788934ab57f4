using System.ComponentModel;

namespace LiveTemplate.Typed.Generated;

/// <summary>What generated topic templates call: a member's value checked to be exactly one topic segment.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TopicSegment
{
    /// <summary>
    /// <paramref name="value"/> when it is one segment of the topic grammar (<c>[A-Za-z0-9_-]+</c>): a value with a
    /// <c>/</c> would silently make another topic, so it is refused, naming <paramref name="member"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The value is null, empty or not one segment.</exception>
    public static string Of(string? value, string member)
    {
        if (string.IsNullOrEmpty(value) || value.Contains('/', StringComparison.Ordinal) || TopicText.ExplainTopic(value) is not null || value.StartsWith(TopicText.ReservedPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{member} is '{value}', which is not one topic segment (ASCII letters, digits, '_' and '-').", member);
        }

        return value;
    }
}
