namespace LiveTemplate.Typed.Generators.Model;

/// <summary>Where a generated partial type goes: its namespace, its enclosing types and its own declaration.</summary>
/// <param name="Namespace">The namespace, or null for the global namespace.</param>
/// <param name="ContainingTypes">The enclosing types, outermost first.</param>
/// <param name="Keyword">The declaration keyword.</param>
/// <param name="NameWithTypeParameters">The name as declared.</param>
/// <param name="FullTypeName">The fully qualified C# type (<c>global::Shop.CartUpdated</c>).</param>
/// <param name="HintName">The generated file's name, unique in the compilation.</param>
internal sealed record TypeDeclarationModel(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Keyword,
    string NameWithTypeParameters,
    string FullTypeName,
    string HintName);
