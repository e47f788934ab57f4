using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>Finds partial handler types (<c>IHandle&lt;TAction&gt;</c> in their base list, or through an interface or base of theirs) and the actions they handle.</summary>
internal static class HandlerParser
{
    /// <summary>
    /// The cheap syntax test: a partial class, record or struct with a base list (<c>IHandle&lt;...&gt;</c> in it, or an
    /// interface or base class that brings it).
    /// </summary>
    public static bool IsCandidate(SyntaxNode node)
        => node is TypeDeclarationSyntax { BaseList: not null } declaration
           and not InterfaceDeclarationSyntax
           && declaration.Modifiers.Any(SyntaxKind.PartialKeyword);

    public static HandlerModel? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var node = (TypeDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(node, cancellationToken) is not INamedTypeSymbol type)
        {
            return null;
        }

        // A type declared in several parts is generated once: from its first part with a base list.
        var first = type.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .FirstOrDefault(d => d.BaseList is not null);
        var known = KnownSymbols.For(context.SemanticModel.Compilation);
        if (first != node || DeclarationReader.FirstNonPartialContainer(type) is not null || DeclarationReader.FirstFileLocal(type) is not null || !WantsDispatcher(type, known, cancellationToken))
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
        => NearestDispatchingBase(type, known, cancellationToken) is not null;

    /// <summary>The nearest base type with a dispatcher: its own <c>DispatchAsync</c> or <c>CanHandle</c> (written, or generated in a referenced assembly), or one generated in this compilation.</summary>
    private static INamedTypeSymbol? NearestDispatchingBase(INamedTypeSymbol type, KnownSymbols known, CancellationToken cancellationToken)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (HasDispatchMembers(current) || GetsDispatcher(current, known, cancellationToken))
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>What <see cref="Parse"/> generates a dispatcher for: a handler that wants one, partial and in partial types, none of them file-local.</summary>
    private static bool GetsDispatcher(INamedTypeSymbol type, KnownSymbols known, CancellationToken cancellationToken)
        => WantsDispatcher(type, known, cancellationToken) && DeclarationReader.IsPartial(type) && DeclarationReader.FirstNonPartialContainer(type) is null
            && DeclarationReader.FirstFileLocal(type) is null;

    /// <summary>
    /// A class, record or struct of this compilation that handles typed actions and does not dispatch by hand, where
    /// no inherited dispatcher will do: it lists <c>IHandle&lt;TAction&gt;</c> in its own base list, or it gets one through
    /// an interface of its own or a base class whose dispatcher (if it has one) does not know all its actions. It gets
    /// a dispatcher when it and its containers are partial (LTT1022 when they are not).
    /// </summary>
    internal static bool WantsDispatcher(INamedTypeSymbol type, KnownSymbols known, CancellationToken cancellationToken)
    {
        var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().Where(d => d is not InterfaceDeclarationSyntax).ToList();
        if (declarations.Count == 0 || DispatchesByHand(type, known) || HandledActions(type, known) is not { Count: > 0 } handled)
        {
            return false;
        }

        return declarations.Any(NamesHandleInterface) || !InheritedDispatcherKnows(type, handled, known, cancellationToken);
    }

    /// <summary>True when the nearest base with a dispatcher knows every one of <paramref name="handled"/>.</summary>
    private static bool InheritedDispatcherKnows(INamedTypeSymbol type, HashSet<INamedTypeSymbol> handled, KnownSymbols known, CancellationToken cancellationToken)
        => NearestDispatchingBase(type, known, cancellationToken) is { } dispatching && handled.IsSubsetOf(HandledActions(dispatching, known));

    /// <summary>The typed actions of every <c>IHandle&lt;TAction&gt;</c> the type implements, itself or through its bases and interfaces.</summary>
    private static HashSet<INamedTypeSymbol> HandledActions(INamedTypeSymbol type, KnownSymbols known)
    {
        var actions = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var handled in type.AllInterfaces)
        {
            if (HandledAction(handled, known) is var (action, _))
            {
                actions.Add(action);
            }
        }

        return actions;
    }

    private static bool HasDispatchMembers(INamedTypeSymbol type)
        => type.GetMembers().Any(m => m.Name is "DispatchAsync" or "CanHandle" && m.DeclaredAccessibility != Accessibility.Private);

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
