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
/// LTT1003 (an action marked with more than one of <c>[ServerAction]</c>, <c>[GroupAction]</c> and
/// <c>[TopicAction]</c>): offers one choice per attribute the action has, keeping it and removing the others wherever
/// the type declares them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(KeepOneScopeCodeFix)), Shared]
public sealed class KeepOneScopeCodeFix : CodeFixProvider
{
    // The action attributes in the order their choices are offered: name, full name, who receives the action.
    private static readonly (string Name, string FullName, string Audience)[] Scopes =
    [
        ("ServerAction", "LiveTemplate.Typed.ServerActionAttribute", "sent to one user"),
        ("GroupAction", "LiveTemplate.Typed.GroupActionAttribute", "sent to one group"),
        ("TopicAction", "LiveTemplate.Typed.TopicActionAttribute", "sent to a topic's subscribers"),
    ];

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
        var present = Scopes.Where(scope => type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == scope.FullName)).ToList();
        foreach (var kept in present)
        {
            var removed = present.Where(scope => scope.Name != kept.Name).ToList();
            var title = $"Keep [{kept.Name}] ({kept.Audience}), remove {string.Join(" and ", removed.Select(scope => $"[{scope.Name}]"))}";
            context.RegisterCodeFix(
                CodeAction.Create(title, ct => RemoveAsync(context.Document.Project.Solution, type, removed.Select(scope => scope.FullName).ToImmutableHashSet(), ct), equivalenceKey: "LTT1003.Keep" + kept.Name),
                diagnostic);
        }
    }

    private static async Task<Solution> RemoveAsync(Solution solution, INamedTypeSymbol type, ImmutableHashSet<string> attributeNames, CancellationToken cancellationToken)
    {
        var editor = new SolutionEditor(solution);

        // Last first: removing an attribute (or its emptied list) leaves the indexes of those before it as they were.
        var attributes = type.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() is { } name && attributeNames.Contains(name))
            .OrderByDescending(a => a.ApplicationSyntaxReference?.Span.Start);
        foreach (var attribute in attributes)
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
