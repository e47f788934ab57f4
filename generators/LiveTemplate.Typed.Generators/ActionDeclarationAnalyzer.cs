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
/// Reports what is wrong with a typed action declaration (LTT1001–LTT1016). It lives beside the generator so the
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
        DiagnosticDescriptors.ActionMustBeAccessible,
        DiagnosticDescriptors.DuplicateJsonName,
        DiagnosticDescriptors.IgnoredMemberIsNeeded,
        DiagnosticDescriptors.UnsupportedAttribute,
        DiagnosticDescriptors.GeneratedCodeCannotUse,
        DiagnosticDescriptors.InvalidJsonName,
        DiagnosticDescriptors.FieldIsNotData);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var payload = new PayloadContext(start.Compilation);
            if (payload.Known.ActionAttributes.All(a => a.Attribute is null))
            {
                return;
            }

            var names = new ConcurrentBag<(string Name, INamedTypeSymbol Type, ActionKind Kind)>();

            // A nested type several actions use is read for each of them; its problems are reported once.
            var reported = new ConcurrentDictionary<string, bool>(System.StringComparer.Ordinal);
            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, payload, names, reported), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => ReportDuplicates(end, names));
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, PayloadContext payload, ConcurrentBag<(string, INamedTypeSymbol, ActionKind)> names, ConcurrentDictionary<string, bool> reported)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attributes = payload.Known.ActionAttributesOf(type);
        if (attributes.Count == 0)
        {
            return;
        }

        var marked = attributes[0];
        var location = type.Locations.FirstOrDefault() ?? Location.None;
        var attributeName = ActionKinds.Of(marked.Kind).AttributeName;
        if (attributes.Select(a => a.Kind).Distinct().Count() > 1)
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

        var hidden = DeclarationReader.FirstHiddenFromAssembly(type);
        if (hidden is not null)
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

        if (isGeneric || hidden is not null)
        {
            // Members typed by a type parameter, or out of generated code's reach, are consequences, not second errors.
            return;
        }

        var shapes = new PayloadShapeReader(payload);
        shapes.ReadAction(type);
        foreach (var shape in shapes.Problems)
        {
            var diagnostic = Diagnostic.Create(shape.Descriptor, shape.Location ?? location, shape.Arguments);
            if (shape.Location is null || reported.TryAdd($"{diagnostic.Id} {diagnostic.Location} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}", true))
            {
                context.ReportDiagnostic(diagnostic);
            }
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
                var attributeName = ActionKinds.Of(action.Kind).AttributeName;
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
