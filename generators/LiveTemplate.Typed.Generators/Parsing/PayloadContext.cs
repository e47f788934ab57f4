using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>What reading a payload needs from its compilation: the known symbols, and what generated code in it can reach.</summary>
internal sealed class PayloadContext
{
    private readonly Compilation _compilation;

    public PayloadContext(Compilation compilation)
    {
        _compilation = compilation;
        Known = KnownSymbols.For(compilation);
    }

    public KnownSymbols Known { get; }

    /// <summary>
    /// True when code generated into the compilation's assembly can use <paramref name="symbol"/>, a type with the types
    /// around it (internal ones of other assemblies only with InternalsVisibleTo).
    /// </summary>
    public bool IsAccessible(ISymbol symbol) => _compilation.IsSymbolAccessibleWithin(symbol, _compilation.Assembly);

    /// <summary>
    /// True when a member's own accessibility lets generated code use it wherever its type can be used: public, or
    /// internal to this assembly (or to one that grants it access). Whether its type is reachable is checked apart.
    /// </summary>
    public bool IsReachable(ISymbol member) => member.DeclaredAccessibility switch
    {
        Accessibility.Public => true,
        Accessibility.Internal or Accessibility.ProtectedOrInternal =>
            SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _compilation.Assembly) || member.ContainingAssembly.GivesAccessTo(_compilation.Assembly),
        _ => false,
    };
}
