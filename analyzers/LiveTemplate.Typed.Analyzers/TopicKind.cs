namespace LiveTemplate.Typed.Analyzers;

/// <summary>Which of the runtime's two topic value types a constant is given to.</summary>
internal enum TopicKind
{
    /// <summary><c>LiveTemplate.Typed.Topic</c>: exactly one topic.</summary>
    Topic,

    /// <summary><c>LiveTemplate.Typed.TopicPattern</c>: segments with at least one <c>*</c>.</summary>
    Pattern,
}
