namespace LiveTemplate.Typed.Generators.Model;

/// <summary>One action a handler implements <c>IHandle&lt;T&gt;</c> for.</summary>
/// <param name="ActionName">The action's name, for sorting and de-duplicating the switch.</param>
/// <param name="FullTypeName">The action's fully qualified C# type.</param>
internal sealed record HandledActionModel(string ActionName, string FullTypeName);
