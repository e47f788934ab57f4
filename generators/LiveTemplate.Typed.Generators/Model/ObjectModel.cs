namespace LiveTemplate.Typed.Generators.Model;

/// <summary>A record, class or struct read and written as a JSON object.</summary>
/// <param name="TypeName">The C# type, fully qualified.</param>
/// <param name="Name">A readable name for its reader and writer (the emitter makes it unique).</param>
/// <param name="IsValueType">True for structs, which are never null.</param>
/// <param name="Members">Constructor parameters first, in order, then the members set by an object initializer, then those only written.</param>
/// <param name="RejectsUnknownMembers">True with <c>[JsonUnmappedMemberHandling(Disallow)]</c>: a JSON property that is no member is an error.</param>
internal sealed record ObjectModel(string TypeName, string Name, bool IsValueType, EquatableArray<MemberModel> Members, bool RejectsUnknownMembers);
