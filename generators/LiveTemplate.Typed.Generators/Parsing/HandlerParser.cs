using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>Finds partial handler types (<c>IHandle&lt;TAction&gt;</c> in their base list) and the actions they handle.</summary>
internal static class HandlerParser
{
    /// <summary>The cheap syntax test: a partial class, record or struct whose base list names <c>IHandle&lt;...&gt;</c>.</summary>
    public static bool IsCandidate(SyntaxNode node)
        => node is TypeDeclarationSyntax { BaseList: not null } declaration
           and not InterfaceDeclarationSyntax
           && declaration.Modifiers.Any(SyntaxKind.PartialKeyword)
           && NamesHandleInterface(declaration);

    public static HandlerModel? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var node = (TypeDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(node, cancellationToken) is not INamedTypeSymbol type)
        {
            return null;
        }

        // A type declared in several parts is generated once: from its first part that names IHandle<>.
        var first = type.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .FirstOrDefault(NamesHandleInterface);
        var known = KnownSymbols.For(context.SemanticModel.Compilation);
        if (first != node || DeclarationReader.FirstNonPartialContainer(type) is not null || DispatchesByHand(type, known))
        {
            return null;
        }

        var actions = new Dictionary<string, HandledActionModel>(System.StringComparer.Ordinal);
        foreach (var handled in type.AllInterfaces)
        {
            if (HandledAction(handled, known) is not var (action, name))
            {
                continue;
            }

            var usage = new UsageScanner();
            usage.ScanType(action, null, new List<ShapeProblem>());
            var model = new HandledActionModel(name, action.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), new EquatableArray<string>(usage.SuppressedIds));

            // Two actions with one name are an error reported by the analyzer; the switch keeps one of them.
            if (!actions.TryGetValue(name, out var existing) || string.CompareOrdinal(model.FullTypeName, existing.FullTypeName) < 0)
            {
                actions[name] = model;
            }
        }

        if (actions.Count == 0)
        {
            return null;
        }

        var ordered = actions.Values.OrderBy(a => a.ActionName, System.StringComparer.Ordinal);

        // A type with its own DispatchAsync or CanHandle gets the interface implemented explicitly, beside them.
        var explicitly = type.GetMembers("DispatchAsync").Length > 0 || type.GetMembers("CanHandle").Length > 0;

        // A handler derived from a handler hides its base's dispatcher with its own, which knows the base's actions too.
        var hides = !explicitly && InheritsDispatchMembers(type, known, cancellationToken);
        return new HandlerModel(DeclarationReader.Read(type, "Dispatcher"), new EquatableArray<HandledActionModel>(ordered), explicitly, hides);
    }

    /// <summary>
    /// True when the type implements <c>IActionDispatcher</c> itself, or inherits it from a base that handles no
    /// typed action (a dispatcher written by hand): it is left alone. A base handler's generated dispatcher, of this
    /// project or of a referenced one, does not know the derived type's actions, so the derived type gets its own.
    /// </summary>
    internal static bool DispatchesByHand(INamedTypeSymbol type, KnownSymbols known)
    {
        if (type.Interfaces.Any(i => KnownSymbols.Is(i, known.Dispatcher)))
        {
            return true;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Interfaces.Any(i => KnownSymbols.Is(i, known.Dispatcher)))
            {
                return !current.AllInterfaces.Any(i => KnownSymbols.IsConstructionOf(i, known.HandleInterface));
            }
        }

        return false;
    }

    /// <summary>True when a base type has a <c>DispatchAsync</c> or <c>CanHandle</c>, or gets them generated in this compilation.</summary>
    private static bool InheritsDispatchMembers(INamedTypeSymbol type, KnownSymbols known, CancellationToken cancellationToken)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.GetMembers().Any(m => m.Name is "DispatchAsync" or "CanHandle" && m.DeclaredAccessibility != Accessibility.Private)
                || GetsDispatcher(current, known, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What <see cref="Parse"/> generates a dispatcher for: a handler that wants one, partial and in partial types.</summary>
    private static bool GetsDispatcher(INamedTypeSymbol type, KnownSymbols known, CancellationToken cancellationToken)
        => WantsDispatcher(type, known, cancellationToken) && DeclarationReader.IsPartial(type) && DeclarationReader.FirstNonPartialContainer(type) is null;

    /// <summary>
    /// A type that lists <c>IHandle&lt;TAction&gt;</c> of a typed action in its own base list and does not dispatch by hand:
    /// it gets a dispatcher when it and its containers are partial (LTT1022 when they are not).
    /// </summary>
    internal static bool WantsDispatcher(INamedTypeSymbol type, KnownSymbols known, CancellationToken cancellationToken)
        => type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration and not InterfaceDeclarationSyntax && NamesHandleInterface(declaration))
           && !DispatchesByHand(type, known)
           && type.AllInterfaces.Any(i => HandledAction(i, known) is not null);

    /// <summary>The typed action an <c>IHandle&lt;TAction&gt;</c> handles and its name, or null for any other interface.</summary>
    internal static (INamedTypeSymbol Action, string Name)? HandledAction(INamedTypeSymbol handled, KnownSymbols known)
        => KnownSymbols.IsConstructionOf(handled, known.HandleInterface)
           && handled.TypeArguments[0] is INamedTypeSymbol action
           && known.ActionAttributesOf(action) is { Count: 1 } marked
           && ActionAttributes.ActionNameOf(action, marked[0].Attribute) is { } name
            ? (action, name)
            : null;

    private static bool NamesHandleInterface(TypeDeclarationSyntax declaration)
        => declaration.BaseList is { } baseList && baseList.Types.Any(t => RightmostName(t.Type) == KnownNames.HandleInterfaceName);

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax qualified => RightmostName(qualified.Right),
        AliasQualifiedNameSyntax alias => RightmostName(alias.Name),
        _ => null,
    };
}
