namespace LiveTemplate.Typed.Generators.Model;

/// <summary>A type that encloses a generated partial type, to be re-declared around it.</summary>
/// <param name="Keyword">The declaration keyword (<c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>, <c>interface</c>).</param>
/// <param name="NameWithTypeParameters">The name as declared (<c>Outer</c>, <c>Outer&lt;T&gt;</c>).</param>
internal sealed record ContainingTypeModel(string Keyword, string NameWithTypeParameters);
