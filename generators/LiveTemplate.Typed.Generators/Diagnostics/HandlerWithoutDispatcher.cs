using System.Threading;
using LiveTemplate.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Diagnostics;

/// <summary>
/// LTT1022: a type that lists <c>IHandle&lt;TAction&gt;</c> of a typed action in its own base list, where the generator
/// would give it a dispatcher, but cannot because it (or a type containing it) is not partial.
/// </summary>
internal static class HandlerWithoutDispatcher
{
    /// <summary>Why the handler gets no dispatcher, as the message says it; null when it gets one or needs none.</summary>
    public static string? Reason(INamedTypeSymbol type, KnownSymbols known, CancellationToken cancellationToken)
    {
        // An abstract base needs none (a derived handler's dispatcher covers its actions).
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract || type.IsStatic || !HandlerParser.WantsDispatcher(type, known, cancellationToken))
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
