namespace LiveTemplate.Typed.Generators.Model;

/// <summary>
/// How one of the public members generated into an action type is declared: its constants <c>ActionName</c> and
/// <c>ActionScope</c>, and a topic template's <c>TopicFor</c> and <c>AnyTopic</c>.
/// </summary>
internal enum ConstantDeclaration
{
    /// <summary>Declared.</summary>
    Declare,

    /// <summary>Declared <c>new</c>: it hides the member generated into a base type that is an action too.</summary>
    Hide,

    /// <summary>Not declared: the type, or a base type, already has a member of that name (the generated code never refers to it).</summary>
    Skip,
}
