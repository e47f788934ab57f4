using System.Threading;
using LiveTemplate.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Diagnostics;

/// <summary>
/// LTT1022: a type that lists <c>IHandle&lt;TAction&gt;</c> of a typed action in its own base list, where the generator
/// would give it a dispatcher, but cannot because it (or a type containing it) is not partial, or is file-local.
/// </summary>
internal static class HandlerWithoutDispatcher
{
    private const string AddPartial = "add the 'partial' modifier";

    /// <summary>Why the handler gets no dispatcher and what to do, as the message says them; null when it gets one or needs none.</summary>
    public static (string Why, string Fix)? Reason(INamedTypeSymbol type, KnownSymbols known, CancellationToken cancellationToken)
    {
        // An abstract base needs none (a derived handler's dispatcher covers its actions).
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract || type.IsStatic || !HandlerParser.WantsDispatcher(type, known, cancellationToken))
        {
            return null;
        }

        // A file-local type's parts all live in its file, and generated code is another file: partial would not help.
        if (DeclarationReader.FirstFileLocal(type) is { } local)
        {
            return (SymbolEqualityComparer.Default.Equals(local, type) ? "it is file-local" : $"'{local.Name}', which contains it, is file-local", "make it internal or public instead of file-local");
        }

        if (!DeclarationReader.IsPartial(type))
        {
            return ("it is not partial", AddPartial);
        }

        return DeclarationReader.FirstNonPartialContainer(type) is { } container ? ($"'{container.Name}', which contains it, is not partial", AddPartial) : null;
    }
}
