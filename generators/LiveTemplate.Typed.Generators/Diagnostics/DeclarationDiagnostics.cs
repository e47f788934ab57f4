using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LiveTemplate.Typed.Generators.Model;
using LiveTemplate.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LiveTemplate.Typed.Generators.Diagnostics;

/// <summary>What is wrong with one type marked as an action: the checks <see cref="ActionDeclarationAnalyzer"/> reports.</summary>
internal static class DeclarationDiagnostics
{
    /// <summary>
    /// The diagnostics of <paramref name="type"/> when it is marked as an action (nothing otherwise), each with whether it
    /// comes from the payload's shape (a nested type several actions share reports the same one); <paramref name="name"/>
    /// is its valid action name and kind, for the duplicate check.
    /// </summary>
    public static List<(Diagnostic Diagnostic, bool FromShape)> Of(INamedTypeSymbol type, PayloadContext payload, CancellationToken cancellationToken, out (string Name, ActionKind Kind)? name)
    {
        var found = new List<(Diagnostic, bool)>();
        void Report(DiagnosticDescriptor descriptor, Location location, params object[] arguments) => found.Add((Diagnostic.Create(descriptor, location, arguments), false));

        name = null;
        var attributes = payload.Known.ActionAttributesOf(type);
        if (attributes.Count == 0)
        {
            return found;
        }

        if (type.Name.Length == 0)
        {
            return found; // A declaration still being typed (`record (int Id)`): the compiler says what is missing.
        }

        var marked = attributes[0];
        var location = type.Locations.FirstOrDefault() ?? Location.None;
        var attributeName = ActionKinds.Of(marked.Kind).AttributeName;
        if (attributes.Any(a => a.Kind == ActionKind.Presence) && attributes.Any(a => a.Kind != ActionKind.Presence))
        {
            Report(DiagnosticDescriptors.PresenceMetadataIsNotAnAction, location, type.Name, ActionKinds.Of(attributes.First(a => a.Kind != ActionKind.Presence).Kind).AttributeName);
        }
        else if (attributes.Select(a => a.Kind).Distinct().Count() > 1)
        {
            var marks = string.Join(", ", attributes.Select(a => "[" + ActionKinds.Of(a.Kind).AttributeName + "]").Distinct());
            Report(DiagnosticDescriptors.ActionHasBothScopes, location, type.Name, marks);
        }

        // The generated code uses C# 11 features: an older version fails inside it, far from the declaration.
        if (type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp11 } options)
        {
            Report(DiagnosticDescriptors.LanguageVersionTooLow, location, type.Name, attributeName, options.LanguageVersion.ToDisplayString());
        }

        if (!type.IsRecord)
        {
            var kind = type.TypeKind == TypeKind.Struct ? "struct" : "class";
            Report(DiagnosticDescriptors.ActionMustBeRecord, location, type.Name, attributeName, kind);
        }

        if (!DeclarationReader.IsPartial(type))
        {
            Report(DiagnosticDescriptors.ActionMustBePartial, location, type.Name, attributeName);
        }

        if (DeclarationReader.FirstNonPartialContainer(type) is { } container)
        {
            Report(DiagnosticDescriptors.ContainingTypeMustBePartial, location, type.Name, container.Name);
        }

        var hidden = DeclarationReader.FirstHiddenFromAssembly(type);
        if (hidden is not null)
        {
            var word = hidden.IsFileLocal ? "file-local" : AccessibilityWord(hidden.DeclaredAccessibility);
            var why = SymbolEqualityComparer.Default.Equals(hidden, type) ? word : $"nested in {word} '{hidden.Name}'";
            Report(DiagnosticDescriptors.ActionMustBeAccessible, location, type.Name, why);
        }

        var isGeneric = DeclarationReader.IsGenericOrInGeneric(type);
        if (isGeneric)
        {
            Report(DiagnosticDescriptors.ActionMustNotBeGeneric, location, type.Name);
        }

        var actionName = ActionAttributes.ActionNameOf(type, marked.Attribute);
        // [GroupAction(Names.Moved)] before Names exists, [GroupAction(42)]: the compiler reports the argument, and no
        // name can be read from it yet (nor checked for duplicates).
        var unfinished = ShapeProblem.IsUnfinished(marked.Attribute);
        if (!unfinished && ActionNaming.Explain(actionName) is { } problem)
        {
            var attributeLocation = marked.Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? location;
            // Shown as written in C#: a null ([GroupAction(null)]) is not an empty name, and says what the argument is.
            var shown = actionName is null ? "null" : SymbolDisplay.FormatLiteral(actionName, quote: true);
            var why = actionName is null
                ? $"the attribute's argument is the action name, and it is null; leave the argument out for the default name \"{ActionNaming.DefaultActionName(type.Name)}\""
                : problem;
            Report(DiagnosticDescriptors.InvalidActionName, attributeLocation, shown, type.Name, why);
        }
        else if (!unfinished && marked.Kind != ActionKind.Presence)
        {
            // Presence metadata has no name on the wire: it cannot clash with an action's.
            name = (actionName!, marked.Kind);
        }

        if (isGeneric || hidden is not null)
        {
            // Members typed by a type parameter, or out of generated code's reach, are consequences, not second errors.
            return found;
        }

        var shapes = new PayloadShapeReader(payload);
        shapes.ReadAction(type);
        if (marked.Kind == ActionKind.Topic && TopicTemplateReader.TemplateOf(marked.Attribute) is { } template)
        {
            var attributeLocation = marked.Attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? location;
            var (_, templateProblem, member) = TopicTemplateReader.Read(template, type, payload);
            if (templateProblem is not null)
            {
                Report(member is null ? DiagnosticDescriptors.InvalidTopicTemplate : DiagnosticDescriptors.TopicTemplateMember, attributeLocation, member is null ? [template, type.Name, templateProblem] : [type.Name, member, templateProblem]);
            }
        }

        found.AddRange(shapes.Problems.Where(p => !p.Unfinished).Select(p => (Diagnostic.Create(p.Descriptor, p.Location ?? location, p.Arguments), p.Location is not null)));
        return found;
    }

    private static string AccessibilityWord(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Protected => "protected",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };
}
