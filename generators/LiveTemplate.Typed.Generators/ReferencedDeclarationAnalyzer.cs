using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LiveTemplate.Typed.Generators.Diagnostics;
using LiveTemplate.Typed.Generators.Model;
using LiveTemplate.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LiveTemplate.Typed.Generators;

/// <summary>
/// What is wrong with the declarations of referenced assemblies as the browser declarations would take them (only when
/// they are on; the references are read by <see cref="ReferencedDeclarationReader"/>, shared with the generator): LTT1004
/// for an action name used both by an action of the project and by one of a referenced assembly, or by two of
/// referenced assemblies (both would be in the declarations, and on the wire, under one name); LTT1021 for a referenced
/// action whose data members the compilation cannot see.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReferencedDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.DuplicateActionName, DiagnosticDescriptors.ReferencedMembersNotVisible);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (!ActionGenerator.BrowserDeclarationsAreOn(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions))
            {
                return;
            }

            var declarations = ReferencedDeclarationReader.Read(start.Compilation, start.CancellationToken);
            var referenced = declarations.Actions
                .Where(a => a.Kind != ActionKind.Presence)
                .GroupBy(a => a.ActionName, System.StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), System.StringComparer.Ordinal);
            if (referenced.Count == 0 && declarations.UnseenMemberOwners.Count == 0)
            {
                return;
            }

            var known = KnownSymbols.For(start.Compilation);
            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, known, referenced), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                ReportReferencedPairs(end, referenced);
                foreach (var owner in declarations.UnseenMemberOwners)
                {
                    end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ReferencedMembersNotVisible, Location.None, owner.Substring("global::".Length)));
                }
            });
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, KnownSymbols known, Dictionary<string, List<ActionModel>> referenced)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var marks = known.ActionAttributesOf(type);
        if (marks.Count != 1 || marks[0].Kind == ActionKind.Presence || ActionAttributes.ActionNameOf(type, marks[0].Attribute) is not { } name
            || !referenced.TryGetValue(name, out var others))
        {
            return;
        }

        // A referenced type of the same full name is this one's, hidden by it (CS0436), as the declarations take it.
        var fullName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (others.FirstOrDefault(o => o.Declaration.FullTypeName != fullName) is { } other)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DuplicateActionName,
                type.Locations.FirstOrDefault() ?? Location.None,
                name,
                type.ToDisplayString(),
                DisplayName(other),
                ActionKinds.Of(marks[0].Kind).AttributeName));
        }
    }

    private static void ReportReferencedPairs(CompilationAnalysisContext context, Dictionary<string, List<ActionModel>> referenced)
    {
        foreach (var pair in referenced.Where(p => p.Value.Count > 1).OrderBy(p => p.Key, System.StringComparer.Ordinal))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.DuplicateActionName,
                Location.None,
                pair.Key,
                DisplayName(pair.Value[0]),
                DisplayName(pair.Value[1]),
                ActionKinds.Of(pair.Value[0].Kind).AttributeName));
        }
    }

    // A fully qualified name always starts with global::.
    private static string DisplayName(ActionModel action) => action.Declaration.FullTypeName.Substring("global::".Length);
}
