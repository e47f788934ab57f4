namespace LiveTemplate.Typed.Generators.Model;

/// <summary>An enum System.Text.Json writes by member name (a value without a name as its number).</summary>
/// <param name="TypeName">The C# type, fully qualified.</param>
/// <param name="Names">Every member's JSON name (<c>[JsonStringEnumMemberName]</c> or its name), aliases included, in declaration order.</param>
internal sealed record WrittenEnum(string TypeName, EquatableArray<string> Names);
