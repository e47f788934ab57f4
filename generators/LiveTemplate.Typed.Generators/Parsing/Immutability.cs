using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Decides whether a decoded action can be shared between the handlers of every connection: true only when nothing
/// reachable from it can change after construction. Every instance field (and auto-property) of the type and its
/// base types is read-only or init-only, and of a type that is immutable in the same sense: a primitive, a string,
/// an enum, one of the date, time and id structs, a nullable of one, or a record, class or struct of this
/// compilation that passes the same test. Collections, arrays, interfaces and types of other assemblies (whose
/// private fields the compiler does not show) are taken as mutable, so an action that has one is decoded for each
/// connection.
/// </summary>
internal static class Immutability
{
    public static bool IsDeep(ITypeSymbol type)
        => IsDeep(type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

    private static bool IsDeep(ITypeSymbol type, HashSet<ITypeSymbol> visiting)
    {
        if (IsImmutableLeaf(type))
        {
            return true;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return IsDeep(nullable.TypeArguments[0], visiting);
        }

        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } named || named.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        // A type already being looked at (a record that holds itself) is decided by its other members.
        if (!visiting.Add(named))
        {
            return true;
        }

        for (var current = named; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            if (current.DeclaringSyntaxReferences.Length == 0 || !MembersAreImmutable(current, visiting))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MembersAreImmutable(INamedTypeSymbol type, HashSet<ITypeSymbol> visiting)
    {
        foreach (var member in type.GetMembers())
        {
            // A record's EqualityContract says which type it is; an auto-property's backing field is judged by the property.
            if (member.IsStatic || member is IPropertySymbol { IsImplicitlyDeclared: true, Name: "EqualityContract" } || member is IFieldSymbol { AssociatedSymbol: not null })
            {
                continue;
            }

            switch (member)
            {
                case IFieldSymbol field when !field.IsConst && (!field.IsReadOnly || !IsDeep(field.Type, visiting)):
                case IPropertySymbol { SetMethod.IsInitOnly: false }:
                case IPropertySymbol property when !IsDeep(property.Type, visiting):
                case IEventSymbol: // its handlers are state a handler could add to
                    return false;
            }
        }

        return true;
    }

    private static bool IsImmutableLeaf(ITypeSymbol type)
    {
        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_String:
            case SpecialType.System_DateTime:
                return true;
        }

        return type is INamedTypeSymbol { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } named
            && named.Name is "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly"
            && named.Arity == 0;
    }
}
