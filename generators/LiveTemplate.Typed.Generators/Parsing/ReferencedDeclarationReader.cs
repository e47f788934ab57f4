using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Reads, from the assemblies a compilation references, the actions and presence metadata they declare and the endpoint
/// uses they recorded, for the browser declarations (a "Contracts" library with the records, a library that configures
/// the endpoint). Only assemblies that reference the runtime are looked into. What one assembly declares does not depend
/// on the compilation that references it, so it is read once per assembly symbol, which Roslyn shares between the
/// compilations of one set of references (every edit of the project's own source).
/// </summary>
internal static class ReferencedDeclarationReader
{
    private const string RuntimeAssembly = "LiveTemplate.Typed";

    private static readonly ConditionalWeakTable<IAssemblySymbol, ReferencedDeclarations> Cache = new();

    public static ReferencedDeclarations Read(Compilation compilation, CancellationToken cancellationToken)
    {
        var actions = new List<ActionModel>();
        var uses = new List<EndpointUse>();
        var unseen = new List<string>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReferencesRuntime(assembly))
            {
                var declared = Cache.GetValue(assembly, a => ReadAssembly(compilation, a, cancellationToken));
                actions.AddRange(declared.Actions);
                uses.AddRange(declared.Uses);

                // With InternalsVisibleTo the compiler loads the assembly's internal members, and they are modelled.
                if (!assembly.GivesAccessTo(compilation.Assembly))
                {
                    unseen.AddRange(declared.UnseenMemberOwners);
                }
            }
        }

        return new ReferencedDeclarations(
            new EquatableArray<ActionModel>(actions.OrderBy(a => a.Declaration.FullTypeName, System.StringComparer.Ordinal)),
            new EquatableArray<EndpointUse>(uses.Distinct().OrderBy(u => u.FullTypeName, System.StringComparer.Ordinal).ThenBy(u => u.Kind)),
            new EquatableArray<string>(unseen.Distinct().OrderBy(n => n, System.StringComparer.Ordinal)));
    }

    /// <summary>The cheap test first: the assembly names the runtime among its references.</summary>
    private static bool ReferencesRuntime(IAssemblySymbol assembly)
        => assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == RuntimeAssembly));

    private static ReferencedDeclarations ReadAssembly(Compilation compilation, IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        var payload = new PayloadContext(compilation, assembly);
        var contracts = ActionKinds.All.ToDictionary(k => k.Kind, k => compilation.GetTypeByMetadataName(k.ContractMetadataName));
        var actions = new List<ActionModel>();
        foreach (var type in TypesIn(assembly.GlobalNamespace))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var marks = payload.Known.ActionAttributesOf(type);
            if (marks.Count == 1 && ActionParser.ParseReferenced(type, marks[0].Attribute, marks[0].Kind, payload, contracts[marks[0].Kind]) is { } model)
            {
                actions.Add(model);
            }
        }

        var records = assembly.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == AssemblyRecords.AttributeMetadataName && a.ConstructorArguments.Length == 2)
            .Select(a => (Key: a.ConstructorArguments[0].Value as string, Value: a.ConstructorArguments[1].Value as string))
            .ToList();
        var uses = records.Select(r => AssemblyRecords.UseOf(r.Key, r.Value)).OfType<EndpointUse>();
        var nonPublic = records.Where(r => r.Key == AssemblyRecords.NonPublicMembers && r.Value is { Length: > 0 }).Select(r => r.Value!);
        return new ReferencedDeclarations(new EquatableArray<ActionModel>(actions), new EquatableArray<EndpointUse>(uses), new EquatableArray<string>(nonPublic));
    }

    private static IEnumerable<INamedTypeSymbol> TypesIn(INamespaceSymbol ns)
        => ns.GetNamespaceMembers().SelectMany(TypesIn).Concat(ns.GetTypeMembers().SelectMany(WithNested));

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
        => new[] { type }.Concat(type.GetTypeMembers().SelectMany(WithNested));
}
