using System;
using System.Collections.Generic;
using System.Threading;
using LiveTemplate.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// The typed actions a compilation can see, by action name: those declared in its source and those of referenced
/// assemblies built against LiveTemplate.Typed (a shared contracts library). Built on first use, once per compilation.
/// </summary>
internal sealed class TypedActionIndex
{
    private readonly Dictionary<string, List<TypedAction>> _byName;

    private TypedActionIndex(Dictionary<string, List<TypedAction>> byName) => _byName = byName;

    /// <summary>The actions named <paramref name="name"/> (usually one; two only when LTT1004 is reported).</summary>
    public IReadOnlyList<TypedAction> Named(string name)
        => _byName.TryGetValue(name, out var actions) ? actions : Array.Empty<TypedAction>();

    /// <summary>The typed action <paramref name="type"/> is, or null when the generator did not make it one.</summary>
    public static TypedAction? Of(INamedTypeSymbol type, LiveTemplateSymbols symbols)
    {
        if (ActionAttributes.ActionAttributeOf(type) is not { } marked
            || ActionAttributes.HasBothScopes(type)
            || !symbols.IsGeneratedAction(type, marked.Kind)
            || ActionAttributes.ActionNameOf(type, marked.Attribute) is not { } name)
        {
            return null;
        }

        return new TypedAction(type, marked.Kind, name);
    }

    public static TypedActionIndex Build(Compilation compilation, LiveTemplateSymbols symbols, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, List<TypedAction>>(StringComparer.Ordinal);
        var runtime = symbols.Broadcaster.ContainingAssembly;
        Collect(compilation.Assembly.GlobalNamespace, symbols, byName, cancellationToken);
        foreach (var reference in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (References(reference, runtime))
            {
                Collect(reference.GlobalNamespace, symbols, byName, cancellationToken);
            }
        }

        return new TypedActionIndex(byName);
    }

    private static bool References(IAssemblySymbol assembly, IAssemblySymbol runtime)
    {
        foreach (var module in assembly.Modules)
        {
            foreach (var referenced in module.ReferencedAssemblySymbols)
            {
                if (SymbolEqualityComparer.Default.Equals(referenced, runtime))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void Collect(INamespaceOrTypeSymbol container, LiveTemplateSymbols symbols, Dictionary<string, List<TypedAction>> byName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceOrTypeSymbol nested)
            {
                if (nested is INamedTypeSymbol type && Of(type, symbols) is { } action)
                {
                    if (!byName.TryGetValue(action.Name, out var list))
                    {
                        byName[action.Name] = list = new List<TypedAction>();
                    }

                    list.Add(action);
                }

                Collect(nested, symbols, byName, cancellationToken);
            }
        }
    }
}
