using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace LiveTemplate.Typed.CodeFixes;

/// <summary>Adds <c>using LiveTemplate.Typed;</c> to a file whose code a fix makes depend on it.</summary>
internal static class NamespaceImport
{
    public const string Runtime = "LiveTemplate.Typed";

    /// <summary>
    /// <paramref name="root"/> with a using directive for <paramref name="ns"/> when no using, global using or enclosing
    /// namespace of the file already brings it in; placed beside the file's other usings.
    /// </summary>
    public static CompilationUnitSyntax Ensure(CompilationUnitSyntax root, SemanticModel model, int position, string ns)
    {
        if (IsImported(model, position, ns))
        {
            return root;
        }

        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(ns)).WithAdditionalAnnotations(Formatter.Annotation);
        var namespaceWithUsings = root.Members.OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault(n => n.Usings.Count > 0);
        if (root.Usings.Count == 0 && namespaceWithUsings is not null)
        {
            return root.ReplaceNode(namespaceWithUsings, namespaceWithUsings.AddUsings(directive));
        }

        if (root.Usings.Count == 0)
        {
            directive = directive.WithTrailingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed, SyntaxFactory.ElasticCarriageReturnLineFeed);
        }

        return root.AddUsings(directive);
    }

    private static bool IsImported(SemanticModel model, int position, string ns)
    {
        for (var scope = model.GetEnclosingSymbol(position)?.ContainingNamespace; scope is not null && !scope.IsGlobalNamespace; scope = scope.ContainingNamespace)
        {
            if (scope.ToDisplayString() == ns)
            {
                return true;
            }
        }

        return model.GetImportScopes(position).Any(s => s.Imports.Any(i => i.NamespaceOrType is INamespaceSymbol imported && imported.ToDisplayString() == ns));
    }
}
