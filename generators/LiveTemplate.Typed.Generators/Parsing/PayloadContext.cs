using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// What reading a payload needs from its compilation: the known symbols, and what generated code can reach from the
/// assembly it lives in (the compilation's own, or, for a type of a referenced assembly, that assembly, where its
/// generated part was compiled).
/// </summary>
internal sealed class PayloadContext
{
    private readonly Compilation _compilation;
    private readonly IAssemblySymbol _home;

    public PayloadContext(Compilation compilation, IAssemblySymbol? home = null)
    {
        _compilation = compilation;
        _home = home ?? compilation.Assembly;
        Known = KnownSymbols.For(compilation);
    }

    public KnownSymbols Known { get; }

    /// <summary>
    /// True when code generated into the home assembly can use <paramref name="symbol"/>, a type with the types
    /// around it (internal ones of other assemblies only with InternalsVisibleTo).
    /// </summary>
    public bool IsAccessible(ISymbol symbol) => _compilation.IsSymbolAccessibleWithin(symbol, _home);

    /// <summary>
    /// True when code generated into <paramref name="within"/> (a partial declaration of it) can use
    /// <paramref name="member"/> on an instance of <paramref name="within"/>: what C# lets the type itself reach.
    /// </summary>
    public bool IsAccessibleFrom(ISymbol member, INamedTypeSymbol within) => _compilation.IsSymbolAccessibleWithin(member, within, within);

    /// <summary>
    /// True when a member's own accessibility lets generated code use it wherever its type can be used: public, or
    /// internal to the home assembly (or to one that grants it access). Whether its type is reachable is checked apart.
    /// </summary>
    public bool IsReachable(ISymbol member) => member.DeclaredAccessibility switch
    {
        Accessibility.Public => true,
        Accessibility.Internal or Accessibility.ProtectedOrInternal =>
            SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _home) || member.ContainingAssembly.GivesAccessTo(_home),
        _ => false,
    };
}
