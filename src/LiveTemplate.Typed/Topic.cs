using System.Diagnostics.CodeAnalysis;

namespace LiveTemplate.Typed;

/// <summary>
/// Names one topic: <c>/</c>-separated segments of <c>[A-Za-z0-9_-]+</c> (<c>room/42</c>), or a connection's own
/// reserved topic (<see cref="ForUser"/>, <see cref="ForSession"/>). Every connection subscribed to the topic, or to a
/// <see cref="TopicPattern"/> that matches it, runs a topic action published to it. Validated when created.
/// </summary>
public readonly struct Topic : IEquatable<Topic>
{
    private readonly string? _value;

    /// <summary>Creates a topic, rejecting values that break the grammar (a pattern's <c>*</c> included).</summary>
    /// <exception cref="ArgumentException">The value breaks the grammar; the message says how.</exception>
    public Topic(string value) => _value = Validate(value, nameof(value));

    private Topic(string validated, bool _) => _value = validated;

    /// <summary>The longest topic accepted, in UTF-16 code units.</summary>
    public const int MaxLength = TopicText.MaxLength;

    /// <summary>The topic's text. Throws for <c>default(Topic)</c>, which names no topic.</summary>
    public string Value => _value ?? throw new InvalidOperationException("default(Topic) names no topic; create one with new Topic(value).");

    /// <summary>True for <c>default(Topic)</c>, which was never validated and names no topic.</summary>
    public bool IsDefault => _value is null;

    /// <summary>True for a topic in the reserved <c>lvt:</c> namespace: a user's or a session's own, never matched by a pattern.</summary>
    public bool IsReserved => _value is not null && _value.StartsWith(TopicText.ReservedPrefix, StringComparison.Ordinal);

    /// <summary>The reserved topic of one user (<c>lvt:user:{userId}</c>), which only that user's connections may subscribe to.</summary>
    public static Topic ForUser(UserId userId) => new(TopicText.UserPrefix + ScopeIdRules.Require(userId, nameof(userId)).Value, true);

    /// <summary>The reserved topic of one session (<c>lvt:session:{groupId}</c>), which only that group's connections may subscribe to.</summary>
    public static Topic ForSession(GroupId groupId) => new(TopicText.SessionPrefix + ScopeIdRules.Require(groupId, nameof(groupId)).Value, true);

    /// <summary>Why <paramref name="value"/> cannot be a topic, or null when it can.</summary>
    public static string? Explain(string? value) => TopicText.ExplainTopic(value);

    /// <summary>Creates a topic when <paramref name="value"/> is valid.</summary>
    public static bool TryCreate([NotNullWhen(true)] string? value, out Topic topic)
    {
        if (TopicText.ExplainTopic(value) is null)
        {
            topic = new Topic(value!, true);
            return true;
        }

        topic = default;
        return false;
    }

    /// <summary>
    /// True when a connection of <paramref name="groupId"/> and <paramref name="userId"/> may subscribe to this topic as far
    /// as the reserved namespace goes: any topic outside it, or its own user's or session's topic.
    /// </summary>
    public bool IsOpenTo(GroupId groupId, UserId? userId)
    {
        var value = Value;
        if (!IsReserved)
        {
            return true;
        }

        return value.StartsWith(TopicText.UserPrefix, StringComparison.Ordinal)
            ? userId is { IsDefault: false } user && string.Equals(value[TopicText.UserPrefix.Length..], user.Value, StringComparison.Ordinal)
            : !groupId.IsDefault && string.Equals(value[TopicText.SessionPrefix.Length..], groupId.Value, StringComparison.Ordinal);
    }

    /// <summary>A topic from text that already passed the grammar (a subscribed channel's, or one just checked).</summary>
    internal static Topic FromValidated(string value) => new(value, true);

    internal static Topic Require(Topic topic, string paramName)
        => topic.IsDefault ? throw new ArgumentException("default(Topic) names no topic; create one with new Topic(value).", paramName) : topic;

    private static string Validate(string? value, string paramName)
    {
        ArgumentNullException.ThrowIfNull(value, paramName);
        return TopicText.ExplainTopic(value) is { } problem ? throw new ArgumentException(problem, paramName) : value;
    }

    /// <inheritdoc />
    public bool Equals(Topic other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Topic other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The topic's text, or an empty string for <c>default(Topic)</c>.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Ordinal equality.</summary>
    public static bool operator ==(Topic left, Topic right) => left.Equals(right);

    /// <summary>Ordinal inequality.</summary>
    public static bool operator !=(Topic left, Topic right) => !left.Equals(right);
}
