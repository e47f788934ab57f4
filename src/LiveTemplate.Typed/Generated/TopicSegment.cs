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

    /// <summary>
    /// The topic <paramref name="value"/> that <paramref name="action"/>'s template made of its members' values: the
    /// segments are valid, but together they may be longer than a topic may be, which is refused naming the action.
    /// </summary>
    /// <exception cref="ArgumentException">The topic is longer than <see cref="Typed.Topic.MaxLength"/>.</exception>
    public static Topic Topic(string value, string action)
        => TopicText.ExplainTopic(value) is { } problem
            ? throw new ArgumentException($"The topic {action}'s template makes of its members' values is not a topic: {problem}", action)
            : Typed.Topic.FromValidated(value);
}
