using System.Diagnostics.CodeAnalysis;

namespace LiveTemplate.Typed;

/// <summary>
/// Matches several topics: <c>/</c>-separated segments like a <see cref="Topic"/>'s, at least one of them exactly
/// <c>*</c>, which matches one non-empty segment (<c>room/*</c> matches <c>room/42</c>, not <c>room/42/x</c> nor
/// <c>room</c>). Reserved topics (<c>lvt:</c>) are never matched. Validated when created.
/// </summary>
public readonly struct TopicPattern : IEquatable<TopicPattern>
{
    private readonly string? _value;

    /// <summary>Creates a pattern, rejecting values that break the grammar or have no <c>*</c> segment.</summary>
    /// <exception cref="ArgumentException">The value breaks the grammar; the message says how.</exception>
    public TopicPattern(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = TopicText.ExplainPattern(value) is { } problem ? throw new ArgumentException(problem, nameof(value)) : value;
    }

    private TopicPattern(string validated, bool _) => _value = validated;

    /// <summary>The pattern's text. Throws for <c>default(TopicPattern)</c>, which matches nothing.</summary>
    public string Value => _value ?? throw new InvalidOperationException("default(TopicPattern) is no pattern; create one with new TopicPattern(value).");

    /// <summary>True for <c>default(TopicPattern)</c>, which was never validated.</summary>
    public bool IsDefault => _value is null;

    /// <summary>Why <paramref name="value"/> cannot be a topic pattern, or null when it can.</summary>
    public static string? Explain(string? value) => TopicText.ExplainPattern(value);

    /// <summary>Creates a pattern when <paramref name="value"/> is valid.</summary>
    public static bool TryCreate([NotNullWhen(true)] string? value, out TopicPattern pattern)
    {
        if (TopicText.ExplainPattern(value) is null)
        {
            pattern = new TopicPattern(value!, true);
            return true;
        }

        pattern = default;
        return false;
    }

    /// <summary>True when <paramref name="topic"/> has as many segments as this pattern and each is equal or matched by <c>*</c>.</summary>
    public bool Matches(Topic topic) => _value is not null && !topic.IsDefault && TopicText.Matches(_value, topic.Value);

    internal static TopicPattern FromValidated(string value) => new(value, true);

    internal static TopicPattern Require(TopicPattern pattern, string paramName)
        => pattern.IsDefault ? throw new ArgumentException("default(TopicPattern) is no pattern; create one with new TopicPattern(value).", paramName) : pattern;

    /// <inheritdoc />
    public bool Equals(TopicPattern other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TopicPattern other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

    /// <summary>The pattern's text, or an empty string for <c>default(TopicPattern)</c>.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Ordinal equality.</summary>
    public static bool operator ==(TopicPattern left, TopicPattern right) => left.Equals(right);

    /// <summary>Ordinal inequality.</summary>
    public static bool operator !=(TopicPattern left, TopicPattern right) => !left.Equals(right);
}
