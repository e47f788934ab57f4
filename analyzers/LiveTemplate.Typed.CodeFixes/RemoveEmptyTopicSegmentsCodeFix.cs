using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LiveTemplate.Typed.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LiveTemplate.Typed.CodeFixes;

/// <summary>
/// LTT0010: a topic or pattern literal whose only fault is an empty segment (<c>"room//1"</c>, <c>"/room/1/"</c>)
/// becomes the value without it (<c>"room/1"</c>). Only for a literal written at the call: a named constant may be used
/// elsewhere, so the author changes it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveEmptyTopicSegmentsCodeFix)), Shared]
public sealed class RemoveEmptyTopicSegmentsCodeFix : CodeFixProvider
{
    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LTT0010");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(TopicVerdict.RepairedProperty, out var repaired) || repaired is null)
        {
            return;
        }

        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var node = root?.FindNode(context.Span, getInnermostNodeForTie: true);
        var expression = node is ArgumentSyntax argument ? argument.Expression : node;
        if (root is null || expression is not LiteralExpressionSyntax text || !text.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return;
        }

        var replacement = LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(repaired)).WithTriviaFrom(text);
        var fixedDocument = context.Document.WithSyntaxRoot(root.ReplaceNode(text, replacement));
        context.RegisterCodeFix(
            CodeAction.Create($"Use \"{repaired}\" (without the empty segments)", _ => Task.FromResult(fixedDocument), equivalenceKey: "LTT0010.WithoutEmptySegments"),
            diagnostic);
    }
}
