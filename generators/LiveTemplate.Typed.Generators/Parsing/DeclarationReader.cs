using System.Linq;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>Reads where a generated partial type goes, and whether it can go there.</summary>
internal static class DeclarationReader
{
    /// <summary>A type's name as it is declared: keywords escaped (<c>@class</c>), with its type parameters, without what contains it.</summary>
    private static readonly SymbolDisplayFormat DeclaredName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameOnly,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>A namespace as a declaration names it (<c>Shop.@event</c>).</summary>
    private static readonly SymbolDisplayFormat NamespaceName = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>The namespace, enclosing types and declaration of <paramref name="type"/>.</summary>
    public static TypeDeclarationModel Read(INamedTypeSymbol type, string hintSuffix)
    {
        var containing = new System.Collections.Generic.List<ContainingTypeModel>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, new ContainingTypeModel(Keyword(outer), NameWithTypeParameters(outer)));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString(NamespaceName) : null;
        return new TypeDeclarationModel(
            ns,
            new EquatableArray<ContainingTypeModel>(containing),
            Keyword(type),
            NameWithTypeParameters(type),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            HintNames.Of(type) + "." + hintSuffix + ".g.cs");
    }

    /// <summary>True when some declaration of <paramref name="type"/> has the <c>partial</c> modifier.</summary>
    public static bool IsPartial(INamedTypeSymbol type)
        => type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword));

    /// <summary>The first enclosing type that is not partial, or null when all are (or there are none).</summary>
    public static INamedTypeSymbol? FirstNonPartialContainer(INamedTypeSymbol type)
    {
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            if (!IsPartial(outer))
            {
                return outer;
            }
        }

        return null;
    }

    /// <summary>
    /// The first of <paramref name="type"/> and its enclosing types that code elsewhere in the assembly cannot name
    /// (private, protected, private protected, or file-local: generated files are other files), or null when all can.
    /// </summary>
    public static INamedTypeSymbol? FirstHiddenFromAssembly(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal || current.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>The first of <paramref name="type"/> and its enclosing types that is file-local, or null: generated code, in other files, cannot extend it.</summary>
    public static INamedTypeSymbol? FirstFileLocal(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsFileLocal)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="type"/> or an enclosing type has type parameters.</summary>
    public static bool IsGenericOrInGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.TypeParameters.Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { IsRecord: true, IsValueType: true } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        { TypeKind: TypeKind.Interface } => "interface",
        _ => "class",
    };

    private static string NameWithTypeParameters(INamedTypeSymbol type)
        => type.ToDisplayString(DeclaredName);
}
