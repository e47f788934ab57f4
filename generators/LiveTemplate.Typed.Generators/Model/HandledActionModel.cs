namespace LiveTemplate.Typed.Generators.Model;

/// <summary>One action a handler implements <c>IHandle&lt;T&gt;</c> for.</summary>
/// <param name="ActionName">The action's name: the case of the switch.</param>
/// <param name="FullTypeName">The action's fully qualified C# type.</param>
/// <param name="SuppressedDiagnostics">The <c>[Experimental]</c> diagnostic ids of the type and the types around it, which naming it reports.</param>
internal sealed record HandledActionModel(string ActionName, string FullTypeName, EquatableArray<string> SuppressedDiagnostics);
