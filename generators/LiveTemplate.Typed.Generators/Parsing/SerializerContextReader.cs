using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Finds the type and the context behind a <c>JsonTypeInfo&lt;T&gt;</c> argument written as <c>Context.Default.Property</c>.
/// The generator sees the compilation without System.Text.Json's generated part of the context, so such a property
/// does not bind: it is matched by name with the context's <c>[JsonSerializable]</c> types, named as System.Text.Json
/// names them (<c>TypeInfoPropertyName</c>, else <c>BoardSnapshot</c>, <c>ListCard</c>, <c>CardArray</c>). A context of a
/// referenced assembly binds, and its property's type says what it serialises; one written by hand is not read.
/// </summary>
internal static class SerializerContextReader
{
    /// <summary>The serialised type and the context, or null when the argument is not a context's default instance's property.</summary>
    public static (ITypeSymbol Type, INamedTypeSymbol Context)? Read(ExpressionSyntax typeInfo, SemanticModel model, SerializerSymbols symbols, CancellationToken cancellationToken)
    {
        if (typeInfo is not MemberAccessExpressionSyntax { Name: IdentifierNameSyntax property, Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Default", Expression: var contextSyntax } }
            || model.GetSymbolInfo(contextSyntax, cancellationToken).Symbol is not INamedTypeSymbol context
            || !SerializerSymbols.DerivesFrom(context, symbols.SerializerContext))
        {
            return null;
        }

        if (model.GetSymbolInfo(typeInfo, cancellationToken).Symbol is IPropertySymbol { Type: INamedTypeSymbol bound } && KnownSymbols.IsConstructionOf(bound, symbols.TypeInfoOfT))
        {
            // System.Text.Json's generator did not write a property that binds here: it is a referenced assembly's,
            // whose attribute states its options, or written by hand, with options of its own making.
            return context.DeclaringSyntaxReferences.IsEmpty ? (bound.TypeArguments[0], context) : null;
        }

        foreach (var attribute in context.GetAttributes().Where(a => KnownSymbols.Is(a.AttributeClass, symbols.Serializable)))
        {
            if (attribute.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol type && PropertyNameOf(attribute, type) == property.Identifier.ValueText)
            {
                return (type, context);
            }
        }

        return null;
    }

    private static string PropertyNameOf(AttributeData serializable, ITypeSymbol type)
        => serializable.NamedArguments.FirstOrDefault(a => a.Key == "TypeInfoPropertyName").Value.Value as string ?? DefaultPropertyName(type);

    /// <summary>System.Text.Json's name of a type's property in a context: arrays end in Array (Array2D, …), generic types append their arguments.</summary>
    private static string DefaultPropertyName(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return DefaultPropertyName(array.ElementType) + (array.Rank == 1 ? "Array" : $"Array{array.Rank}D");
        }

        if (type is not INamedTypeSymbol { IsGenericType: true } named)
        {
            return type.Name;
        }

        var name = new StringBuilder(named.Name);
        foreach (var argument in TypeArgumentsInScope(named))
        {
            name.Append(DefaultPropertyName(argument));
        }

        return name.ToString();
    }

    private static System.Collections.Generic.IEnumerable<ITypeSymbol> TypeArgumentsInScope(INamedTypeSymbol type)
        => (type.ContainingType is { } outer ? TypeArgumentsInScope(outer) : Enumerable.Empty<ITypeSymbol>()).Concat(type.TypeArguments);
}
