using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// The stem of a type's generated file names: its namespace and containing types, dot-separated (<c>Shop.Outer.Moved</c>,
/// a generic arity as <c>_1</c>). Roslyn compares hint names ignoring case, so when another type of the assembly has
/// the same stem but for case or arity (<c>Api.Moved</c> and <c>API.Moved</c>, <c>Moved</c> and <c>moved</c>,
/// <c>H&lt;T&gt;</c> and <c>H_1</c>), each of them gets the hash of its exact name after it, instead of the generator
/// failing for both and generating nothing.
/// </summary>
internal static class HintNames
{
    public static string Of(INamedTypeSymbol type)
    {
        var parts = Parts(type);
        var stem = string.Join(".", parts.Select(p => p.Part));
        return HasTwin(type, parts) ? stem + "-" + Hash(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat)) : stem;
    }

    /// <summary>The namespaces (outermost first), then the containing types and the type, each with its part of the stem.</summary>
    private static List<(ISymbol Symbol, string Part)> Parts(INamedTypeSymbol type)
    {
        var parts = new List<(ISymbol, string)>();
        for (ISymbol current = type; current is not null and not INamespaceSymbol { IsGlobalNamespace: true }; current = current.ContainingSymbol)
        {
            parts.Insert(0, (current, PartOf(current)));
        }

        return parts;
    }

    private static string PartOf(ISymbol symbol) => symbol is INamedTypeSymbol named ? named.MetadataName.Replace('`', '_') : symbol.Name;

    /// <summary>True when walking the assembly's namespaces and types by stem part, ignoring case, finds more than this type.</summary>
    private static bool HasTwin(INamedTypeSymbol type, List<(ISymbol Symbol, string Part)> parts)
    {
        IEnumerable<INamespaceOrTypeSymbol> found = [type.ContainingAssembly.GlobalNamespace];
        foreach (var (_, part) in parts)
        {
            found = found.SelectMany(f => f.GetMembers()).OfType<INamespaceOrTypeSymbol>()
                .Where(m => string.Equals(PartOf(m), part, System.StringComparison.OrdinalIgnoreCase))
                .ToList();
        }

        return found.Skip(1).Any();
    }

    /// <summary>FNV-1a of the exact name, as eight hex digits: stable across builds and machines.</summary>
    private static string Hash(string name)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
