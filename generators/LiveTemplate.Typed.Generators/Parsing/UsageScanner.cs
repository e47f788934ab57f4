using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Finds the attributes on the types and members generated code uses that would make it warn or fail: the diagnostic
/// ids of <c>[Experimental]</c>, which the generated file suppresses, and <c>[Requires...]</c> on what it calls, which it
/// cannot satisfy. (<c>[Obsolete]</c> needs nothing here: the generated code that names the user's types and members is
/// an obsolete context, where the compiler reports no use of an obsolete one, whatever its diagnostic id or level.)
/// These attributes are matched by namespace and name, as the compiler matches them, because libraries declare their
/// own copies for older frameworks.
/// </summary>
internal sealed class UsageScanner
{
    private readonly SortedSet<string> _ids = new(System.StringComparer.Ordinal);
    private readonly HashSet<ISymbol> _scanned = new(SymbolEqualityComparer.Default);

    /// <summary>The diagnostic ids of the experimental things generated code uses, which it must suppress, ordered.</summary>
    public IReadOnlyCollection<string> SuppressedIds => _ids;

    /// <summary>Scans a type the generated code names, with the types around it.</summary>
    public void ScanType(INamedTypeSymbol type, Location? anchor, List<ShapeProblem> problems)
    {
        for (ISymbol? current = type; current is INamedTypeSymbol named; current = named.ContainingType)
        {
            Scan(named, anchor, problems, calls: false);
        }
    }

    /// <summary>Scans a member, constructor or accessor the generated code reads, sets or calls.</summary>
    public void ScanMember(ISymbol? member, Location? anchor, List<ShapeProblem> problems)
    {
        if (member is not null)
        {
            Scan(member, anchor, problems, calls: member is IMethodSymbol);
        }
    }

    private void Scan(ISymbol symbol, Location? anchor, List<ShapeProblem> problems, bool calls)
    {
        if (!_scanned.Add(symbol))
        {
            return;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (type is null || !IsSystemDiagnosticsCodeAnalysis(type.ContainingNamespace))
            {
                continue;
            }

            switch (type.Name)
            {
                case "ExperimentalAttribute" when attribute.ConstructorArguments.FirstOrDefault().Value is string id && SyntaxFacts.IsValidIdentifier(id):
                    // The compiler refuses an id that is not an identifier (CS9211) on the declaration itself.
                    _ids.Add(id);
                    break;
                case "RequiresUnreferencedCodeAttribute" or "RequiresDynamicCodeAttribute" or "RequiresAssemblyFilesAttribute" when calls || symbol is INamedTypeSymbol:
                    problems.Add(new ShapeProblem(DiagnosticDescriptors.GeneratedCodeCannotUse, DataMembers.LocationOf(symbol) ?? anchor, [
                        symbol.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
                        $"it is marked [{DataMembers.ShortName(attribute)}], and generated code, which must stay trimming and AOT safe, calls it",
                        "remove the attribute, or keep the member out of the action's data"]));
                    break;
            }
        }
    }

    /// <summary>True for <c>System.Diagnostics.CodeAnalysis</c>, where these attributes live (and their copies).</summary>
    private static bool IsSystemDiagnosticsCodeAnalysis(INamespaceSymbol? ns)
        => ns is { Name: "CodeAnalysis", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };
}
