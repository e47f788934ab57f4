using System.Linq;
using LiveTemplate.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LiveTemplate.Typed.Generators.Diagnostics;

/// <summary>
/// LTT1022: a type that lists <c>IHandle&lt;TAction&gt;</c> of a typed action in its own base list, where the generator
/// would give it a dispatcher, but cannot because it (or a type containing it) is not partial.
/// </summary>
internal static class HandlerWithoutDispatcher
{
    /// <summary>Why the handler gets no dispatcher, as the message says it; null when it gets one or needs none.</summary>
    public static string? Reason(INamedTypeSymbol type, KnownSymbols known)
    {
        // An abstract base needs none (a derived handler's dispatcher covers its actions); a hand-written one is the user's.
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract || type.IsStatic
            || !type.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax declaration && HandlerParser.NamesHandleInterface(declaration))
            || !type.AllInterfaces.Any(i => HandlerParser.HandledAction(i, known) is not null)
            || HandlerParser.DispatchesByHand(type, known))
        {
            return null;
        }

        if (!DeclarationReader.IsPartial(type))
        {
            return "it is not partial";
        }

        return DeclarationReader.FirstNonPartialContainer(type) is { } container ? $"'{container.Name}', which contains it, is not partial" : null;
    }
}
