namespace LiveTemplate.Typed.Generators.Model;

/// <summary>One action in the assembly's catalogue.</summary>
/// <param name="ActionName">Its name on the wire.</param>
/// <param name="FullTypeName">Its fully qualified C# type.</param>
/// <param name="SuppressedDiagnostics">The <c>[Experimental]</c> diagnostic ids of what the action uses, which naming it may report.</param>
internal sealed record CatalogEntryModel(string ActionName, string FullTypeName, EquatableArray<string> SuppressedDiagnostics);
