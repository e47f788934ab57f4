using System;
using System.Linq;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// What the runtime's grammar (<c>TopicText</c>, compiled in) says of a constant given to a <c>Topic</c> or a
/// <c>TopicPattern</c>: why it fails, whether the other type would take it, and the value without empty segments when
/// that one would pass. The analyzer reports it; the code fixes read it back from the diagnostic's properties.
/// </summary>
internal sealed class TopicVerdict
{
    /// <summary>Diagnostic property: the <see cref="TopicKind"/> the constant was given to.</summary>
    public const string KindProperty = "TopicKind";

    /// <summary>Diagnostic property, present when the constant is valid for the other type: "true".</summary>
    public const string OtherKindProperty = "ValidAsOtherKind";

    /// <summary>Diagnostic property, present when dropping the empty segments makes a valid value of the same type.</summary>
    public const string RepairedProperty = "WithoutEmptySegments";

    private TopicVerdict(string problem, bool validAsOtherKind, string? repaired)
    {
        Problem = problem;
        ValidAsOtherKind = validAsOtherKind;
        Repaired = repaired;
    }

    /// <summary>The runtime's reason, without its final period.</summary>
    public string Problem { get; }

    /// <summary>True when the other type accepts the value: a pattern given to a <c>Topic</c>, or a topic given to a <c>TopicPattern</c>.</summary>
    public bool ValidAsOtherKind { get; }

    /// <summary>The value with its empty segments dropped (<c>room//1/</c> to <c>room/1</c>), when that is valid for the same type.</summary>
    public string? Repaired { get; }

    /// <summary>The verdict on <paramref name="value"/> as a <paramref name="kind"/>, or null when the runtime accepts it.</summary>
    public static TopicVerdict? Of(string? value, TopicKind kind)
    {
        if (Explain(value, kind) is not { } problem)
        {
            return null;
        }

        var other = kind == TopicKind.Topic ? TopicKind.Pattern : TopicKind.Topic;
        var validAsOther = value is not null && Explain(value, other) is null;
        var repaired = value is null ? null : WithoutEmptySegments(value);
        return new TopicVerdict(
            problem.TrimEnd('.'),
            validAsOther,
            repaired is not null && repaired != value && Explain(repaired, kind) is null ? repaired : null);
    }

    /// <summary>The runtime's answer: why <paramref name="value"/> is no <paramref name="kind"/>, or null.</summary>
    public static string? Explain(string? value, TopicKind kind)
        => kind == TopicKind.Topic ? TopicText.ExplainTopic(value) : TopicText.ExplainPattern(value);

    private static string? WithoutEmptySegments(string value)
    {
        var segments = value.Split('/').Where(s => s.Length > 0).ToArray();
        return segments.Length == 0 ? null : string.Join("/", segments);
    }
}
