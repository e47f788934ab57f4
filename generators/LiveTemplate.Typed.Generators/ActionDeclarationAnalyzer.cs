using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using LiveTemplate.Typed.Generators.Diagnostics;
using LiveTemplate.Typed.Generators.Model;
using LiveTemplate.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LiveTemplate.Typed.Generators;

/// <summary>
/// Reports what is wrong with a typed action declaration (LTT1001–LTT1010). It lives beside the generator so the
/// generator's output depends on declarations only, never on where they are, and stays cached.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ActionDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ActionMustBePartial,
        DiagnosticDescriptors.ActionMustBeRecord,
        DiagnosticDescriptors.ActionHasBothScopes,
        DiagnosticDescriptors.DuplicateActionName,
        DiagnosticDescriptors.UnsupportedMemberType,
        DiagnosticDescriptors.InvalidActionName,
        DiagnosticDescriptors.ContainingTypeMustBePartial,
        DiagnosticDescriptors.ActionMustNotBeGeneric,
        DiagnosticDescriptors.NoUsableConstructor,
        DiagnosticDescriptors.ActionMustBeAccessible);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.ServerActionAttribute) is null
                && start.Compilation.GetTypeByMetadataName(KnownNames.GroupActionAttribute) is null)
            {
                return;
            }

            var names = new ConcurrentBag<(string Name, INamedTypeSymbol Type, ActionKind Kind)>();
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, names), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => ReportDuplicates(end, names));
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, ConcurrentBag<(string, INamedTypeSymbol, ActionKind)> names)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (ActionAttributes.ActionAttributeOf(type) is not { } marked)
        {
            return;
        }

        var location = type.Locations.FirstOrDefault() ?? Location.None;
        var attributeName = marked.Kind == ActionKind.Server ? "ServerAction" : "GroupAction";
        if (ActionAttributes.HasBothScopes(type))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ActionHasBothScopes, location, type.Name));
        }

        if (!type.IsRecord)
        {
            var kind = type.TypeKind == TypeKind.Struct ? "struct" : "class";
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ActionMustBeRecord, location, type.Name, attributeName, kind));
        }

        if (!DeclarationReader.IsPartial(type))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ActionMustBePartial, location, type.Name, attributeName));
        }

        if (DeclarationReader.FirstNonPartialContainer(type) is { } container)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ContainingTypeMustBePartial, location, type.Name, container.Name));
        }

        if (DeclarationReader.FirstHiddenFromAssembly(type) is { } hidden)
        {
            var why = SymbolEqualityComparer.Default.Equals(hidden, type)
                ? AccessibilityWord(hidden.DeclaredAccessibility)
                : $"nested in {AccessibilityWord(hidden.DeclaredAccessibility)} '{hidden.Name}'";
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ActionMustBeAccessible, location, type.Name, why));
        }

        var isGeneric = DeclarationReader.IsGenericOrInGeneric(type);
        if (isGeneric)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ActionMustNotBeGeneric, location, type.Name));
        }

        var name = ActionAttributes.ActionNameOf(type, marked.Attribute);
        if (ActionNaming.Explain(name) is { } problem)
        {
            var attributeLocation = marked.Attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? location;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidActionName, attributeLocation, name ?? string.Empty, type.Name, problem));
        }
        else
        {
            names.Add((name!, type, marked.Kind));
        }

        if (isGeneric)
        {
            // Members typed by a type parameter are a consequence of the generic declaration, not a second error.
            return;
        }

        var shapes = new PayloadShapeReader();
        shapes.ReadAction(type);
        foreach (var shape in shapes.Problems)
        {
            if (shape.Member is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NoUsableConstructor, location, type.Name, shape.Reason));
                continue;
            }

            var memberLocation = shape.Member.Locations.FirstOrDefault(l => l.IsInSource) ?? location;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsupportedMemberType, memberLocation, shape.MemberName, shape.OwnerName, shape.TypeName, shape.Reason));
        }
    }

    private static string AccessibilityWord(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    private static void ReportDuplicates(CompilationAnalysisContext context, ConcurrentBag<(string Name, INamedTypeSymbol Type, ActionKind Kind)> names)
    {
        foreach (var group in names.GroupBy(n => n.Name, System.StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(n => n.Type.ToDisplayString(), System.StringComparer.Ordinal).ToList();
            foreach (var action in ordered)
            {
                var other = ordered.First(o => !SymbolEqualityComparer.Default.Equals(o.Type, action.Type));
                var attributeName = action.Kind == ActionKind.Server ? "ServerAction" : "GroupAction";
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateActionName,
                    action.Type.Locations.FirstOrDefault() ?? Location.None,
                    action.Name,
                    action.Type.ToDisplayString(),
                    other.Type.ToDisplayString(),
                    attributeName));
            }
        }
    }
}
