namespace LiveTemplate.Typed.Generators.Model;

/// <summary>A record, class or struct as System.Text.Json writes it with one context's options.</summary>
/// <param name="Key">The type with the options that shape it (one C# type may be written differently by two contexts).</param>
/// <param name="TypeName">The C# type, fully qualified.</param>
/// <param name="Members">The members written, as declared (derived type first).</param>
internal sealed record WrittenObject(string Key, string TypeName, EquatableArray<WrittenMember> Members);

/// <summary>One member of a <see cref="WrittenObject"/>.</summary>
/// <param name="JsonName">The JSON property name.</param>
/// <param name="Type">Its value.</param>
/// <param name="Optional">True when the writer may leave it out (<c>[JsonIgnore(Condition = ...)]</c>, <c>DefaultIgnoreCondition</c>).</param>
internal sealed record WrittenMember(string JsonName, WrittenType Type, bool Optional);
