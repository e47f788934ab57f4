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
/// LTT0001: opts the member (or the type) around a global publish in with
/// <c>[AllowGlobalBroadcast("TODO: ...")]</c>, whose placeholder reason the author replaces with the real one.
/// Top-level statements have no member to mark, so no fix is offered there.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AllowGlobalBroadcastCodeFix)), Shared]
public sealed class AllowGlobalBroadcastCodeFix : CodeFixProvider
{
    /// <summary>The reason the fix writes; a TODO so that a reviewer asks for the real one.</summary>
    public const string PlaceholderReason = "TODO: say why every connection on every instance must receive this";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LTT0001");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindNode(context.Span, getInnermostNodeForTie: true) is not { } node)
        {
            return;
        }

        var diagnostic = context.Diagnostics[0];
        if (AttributableMember(node) is { } member)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Allow the global broadcast in '{NameOf(member)}' ([AllowGlobalBroadcast])",
                    ct => AddAttributeAsync(context.Document, member, ct),
                    equivalenceKey: "LTT0001.Member"),
                diagnostic);
        }

        if (node.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault(t => t is not InterfaceDeclarationSyntax) is { } type)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Allow global broadcasts in all of '{type.Identifier.ValueText}' ([AllowGlobalBroadcast])",
                    ct => AddAttributeAsync(context.Document, type, ct),
                    equivalenceKey: "LTT0001.Type"),
                diagnostic);
        }
    }

    /// <summary>The method, constructor, operator, property, indexer or event accessor the publish is in.</summary>
    private static SyntaxNode? AttributableMember(SyntaxNode node)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AccessorDeclarationSyntax accessor when accessor.Parent?.Parent is EventDeclarationSyntax:
                    return accessor;
                case BaseMethodDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax:
                    return ancestor;
                case BaseTypeDeclarationSyntax or GlobalStatementSyntax:
                    return null;
            }
        }

        return null;
    }

    private static string NameOf(SyntaxNode member) => member switch
    {
        MethodDeclarationSyntax method => method.Identifier.ValueText,
        ConstructorDeclarationSyntax constructor => constructor.Identifier.ValueText,
        PropertyDeclarationSyntax property => property.Identifier.ValueText,
        IndexerDeclarationSyntax => "this[]",
        AccessorDeclarationSyntax accessor => accessor.Keyword.ValueText,
        _ => member.ToString().Split('(')[0].Trim(),
    };

    private static async Task<Document> AddAttributeAsync(Document document, SyntaxNode declaration, CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
        var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        var generator = SyntaxGenerator.GetGenerator(document);
        var attribute = generator.Attribute("AllowGlobalBroadcast", generator.LiteralExpression(PlaceholderReason));
        var marked = generator.AddAttributes(declaration, attribute);
        root = root.ReplaceNode(declaration, marked);
        root = NamespaceImport.Ensure(root, model, declaration.SpanStart, NamespaceImport.Runtime);
        return document.WithSyntaxRoot(root);
    }
}
