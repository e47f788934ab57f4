using System.Linq;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Something in an action's declaration the generator cannot honour: the analyzer reports it, the generator skips the
/// action. It holds a location and symbols' names, so it never enters the incremental model.
/// </summary>
/// <param name="Descriptor">The diagnostic to report.</param>
/// <param name="Location">Where, in source; null for a declaration outside it (the analyzer uses the action's location).</param>
/// <param name="Arguments">The message arguments.</param>
/// <param name="Unfinished">
/// True when the compiler already reports the cause (a type not declared yet, an attribute whose arguments do not bind):
/// the generator still skips the action, and the analyzer says nothing, so code being typed gets only the compiler's error.
/// </param>
internal sealed record ShapeProblem(DiagnosticDescriptor Descriptor, Location? Location, object[] Arguments, bool Unfinished = false)
{
    /// <summary>True when <paramref name="type"/> is, or is built from, a type the compiler could not bind.</summary>
    public static bool IsUnfinished(ITypeSymbol? type) => type switch
    {
        null => false,
        { TypeKind: TypeKind.Error } => true,
        IArrayTypeSymbol array => IsUnfinished(array.ElementType),
        IPointerTypeSymbol pointer => IsUnfinished(pointer.PointedAtType),
        INamedTypeSymbol named => named.TypeArguments.Any(IsUnfinished),
        _ => false,
    };

    /// <summary>True when the compiler could not bind <paramref name="attribute"/>'s constructor or one of its arguments.</summary>
    public static bool IsUnfinished(AttributeData attribute)
        => attribute.AttributeConstructor is null
            || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error)
            || attribute.NamedArguments.Any(a => a.Value.Kind == TypedConstantKind.Error);
}
