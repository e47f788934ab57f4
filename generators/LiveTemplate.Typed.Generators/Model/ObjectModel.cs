namespace LiveTemplate.Typed.Generators.Model;

/// <summary>A record, class or struct read and written as a JSON object.</summary>
/// <param name="TypeName">The C# type, fully qualified.</param>
/// <param name="Name">The suffix of its reader and writer methods.</param>
/// <param name="IsValueType">True for structs, which are never null.</param>
/// <param name="Members">Constructor parameters first, in order, then the properties set by an object initializer.</param>
internal sealed record ObjectModel(string TypeName, string Name, bool IsValueType, EquatableArray<MemberModel> Members);
