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
        if (first != node || DeclarationReader.FirstNonPartialContainer(type) is not null || type.AllInterfaces.Any(i => KnownSymbols.Is(i, known.Dispatcher)))
        {
            return null;
        }

        var actions = new Dictionary<string, HandledActionModel>(System.StringComparer.Ordinal);
        foreach (var handled in type.AllInterfaces)
        {
            if (!KnownSymbols.IsConstructionOf(handled, known.HandleInterface)
                || handled.TypeArguments[0] is not INamedTypeSymbol action
                || known.ActionAttributesOf(action) is not { Count: 1 } marked
                || ActionAttributes.ActionNameOf(action, marked[0].Attribute) is not { } name)
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
        return new HandlerModel(DeclarationReader.Read(type, "Dispatcher"), new EquatableArray<HandledActionModel>(ordered), explicitly);
    }

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
