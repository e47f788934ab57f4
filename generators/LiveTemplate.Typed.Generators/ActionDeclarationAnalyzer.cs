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
/// Reports what is wrong with a typed action declaration (LTT1001–LTT1020, LTT1023), and a handler the generator cannot give a dispatcher (LTT1022). It lives beside the generator so the
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
        DiagnosticDescriptors.PresenceMetadataIsNotAnAction,
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
        DiagnosticDescriptors.FieldIsNotData,
        DiagnosticDescriptors.InvalidTopicTemplate,
        DiagnosticDescriptors.TopicTemplateMember,
        DiagnosticDescriptors.HandlerGetsNoDispatcher,
        DiagnosticDescriptors.LanguageVersionTooLow);

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
        var diagnostics = DeclarationDiagnostics.Of(type, payload, context.CancellationToken, out var named);
        foreach (var (diagnostic, fromShape) in diagnostics)
        {
            if (!fromShape || reported.TryAdd($"{diagnostic.Id} {diagnostic.Location} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}", true))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        if (named is { } action)
        {
            names.Add((action.Name, type, action.Kind));
        }

        if (HandlerWithoutDispatcher.Reason(type, payload.Known, context.CancellationToken) is { } reason)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HandlerGetsNoDispatcher, type.Locations.FirstOrDefault() ?? Location.None, type.Name, reason.Why, reason.Fix));
        }
    }

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
