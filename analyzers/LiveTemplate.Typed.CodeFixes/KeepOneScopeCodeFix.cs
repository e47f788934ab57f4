using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace LiveTemplate.Typed.CodeFixes;

/// <summary>
/// LTT1003 (an action marked both <c>[ServerAction]</c> and <c>[GroupAction]</c>): offers both choices, keep the
/// server scope or keep the group scope, and removes the other attribute wherever the type declares it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepOneScopeCodeFix)), Shared]
public sealed class KeepOneScopeCodeFix : CodeFixProvider
{
    private const string ServerAction = "LiveTemplate.Typed.ServerActionAttribute";
    private const string GroupAction = "LiveTemplate.Typed.GroupActionAttribute";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LTT1003");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent is not { } node || model?.GetDeclaredSymbol(node, context.CancellationToken) is not INamedTypeSymbol type)
        {
            return;
        }

        var diagnostic = context.Diagnostics[0];
        context.RegisterCodeFix(
            CodeAction.Create("Keep [ServerAction] (sent to one user), remove [GroupAction]", ct => RemoveAsync(context.Document.Project.Solution, type, GroupAction, ct), equivalenceKey: "LTT1003.KeepServer"),
            diagnostic);
        context.RegisterCodeFix(
            CodeAction.Create("Keep [GroupAction] (sent to one group), remove [ServerAction]", ct => RemoveAsync(context.Document.Project.Solution, type, ServerAction, ct), equivalenceKey: "LTT1003.KeepGroup"),
            diagnostic);
    }

    private static async Task<Solution> RemoveAsync(Solution solution, INamedTypeSymbol type, string attributeName, CancellationToken cancellationToken)
    {
        var editor = new SolutionEditor(solution);
        foreach (var attribute in type.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == attributeName))
        {
            if (attribute.ApplicationSyntaxReference is not { } reference
                || solution.GetDocument(reference.SyntaxTree) is not { } document
                || await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not AttributeSyntax { Parent: AttributeListSyntax { Parent: MemberDeclarationSyntax declaration } list } syntax)
            {
                continue;
            }

            var documentEditor = await editor.GetDocumentEditorAsync(document.Id, cancellationToken).ConfigureAwait(false);
            documentEditor.ReplaceNode(declaration, (current, _) => Without((MemberDeclarationSyntax)current, declaration.AttributeLists.IndexOf(list), list.Attributes.IndexOf(syntax)));
        }

        return editor.GetChangedSolution();
    }

    /// <summary>
    /// <paramref name="declaration"/> without the attribute; an emptied list goes too, and what preceded it (a doc
    /// comment, the indentation) moves to the token after it.
    /// </summary>
    private static MemberDeclarationSyntax Without(MemberDeclarationSyntax declaration, int listIndex, int attributeIndex)
    {
        var list = declaration.AttributeLists[listIndex];
        if (list.Attributes.Count > 1)
        {
            return declaration.ReplaceNode(list, list.WithAttributes(list.Attributes.RemoveAt(attributeIndex)));
        }

        var next = list.GetLastToken().GetNextToken();
        var trivia = next.LeadingTrivia.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia))
            ? list.GetLeadingTrivia()
            : list.GetLeadingTrivia().AddRange(next.LeadingTrivia);
        var moved = declaration.ReplaceToken(next, next.WithLeadingTrivia(trivia));
        return moved.WithAttributeLists(moved.AttributeLists.RemoveAt(listIndex));
    }
}
