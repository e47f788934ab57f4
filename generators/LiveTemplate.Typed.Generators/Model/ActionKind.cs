namespace LiveTemplate.Typed.Generators.Model;

/// <summary>The scope an action declares (mirrors the runtime's <c>ActionScope</c>).</summary>
internal enum ActionKind
{
    Server,
    Group,
    Topic,
}
