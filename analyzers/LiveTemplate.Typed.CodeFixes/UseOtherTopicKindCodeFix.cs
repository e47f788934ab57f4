using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LiveTemplate.Typed.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace LiveTemplate.Typed.CodeFixes;

/// <summary>
/// LTT0011 and LTT0010: <c>new Topic("room/*")</c> becomes <c>new TopicPattern("room/*")</c>, and
/// <c>new TopicPattern("room/42")</c> (no <c>*</c>) becomes <c>new Topic("room/42")</c>, renaming a surrounding
/// <c>SubscribeToTopicAsync</c>/<c>SubscribeToPatternAsync</c> (and the unsubscribes) to match. Offered only when the
/// rewritten file has no more errors than before, so never where the value must stay a <c>Topic</c>, such as a publish.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseOtherTopicKindCodeFix)), Shared]
public sealed class UseOtherTopicKindCodeFix : CodeFixProvider
{
    private static readonly (string Topic, string Pattern)[] Renames =
    [
        ("SubscribeToTopicAsync", "SubscribeToPatternAsync"),
        ("UnsubscribeFromTopicAsync", "UnsubscribeFromPatternAsync"),
    ];

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LTT0010", "LTT0011");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var cancellationToken = context.CancellationToken;
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.ContainsKey(TopicVerdict.OtherKindProperty)
            || !diagnostic.Properties.TryGetValue(TopicVerdict.KindProperty, out var kindName)
            || !System.Enum.TryParse<TopicKind>(kindName, out var kind))
        {
            return;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var target = kind == TopicKind.Topic ? "LiveTemplate.Typed.TopicPattern" : "LiveTemplate.Typed.Topic";
        if (root is null || model is null
            || root.FindNode(context.Span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<ArgumentSyntax>().FirstOrDefault()?.Parent?.Parent is not BaseObjectCreationExpressionSyntax creation
            || creation.ArgumentList is not { } arguments
            || model.Compilation.GetTypeByMetadataName(target) is not { } targetType)
        {
            return;
        }

        var typeName = ParseTypeName(targetType.ToMinimalDisplayString(model, creation.SpanStart));
        var replacement = ObjectCreationExpression(Token(SyntaxKind.NewKeyword).WithTrailingTrivia(Space), typeName, arguments, initializer: null)
            .WithTriviaFrom(creation);
        replacement = replacement.WithAdditionalAnnotations(Formatter.Annotation, Marker);
        var changed = creation.Parent is ArgumentSyntax { NameColon: { } nameColon } named
            && ParameterNameFor(named, targetType, kind, model) is { } parameter && parameter != nameColon.Name.Identifier.ValueText
                ? root.ReplaceNode(named, named.WithNameColon(nameColon.WithName(IdentifierName(parameter).WithTriviaFrom(nameColon.Name))).WithExpression(replacement))
                : root.ReplaceNode(creation, replacement);
        changed = Renamed(changed, kind);
        var fixedDocument = document.WithSyntaxRoot(changed);
        if (!await CompilesAsWellAsync(document, fixedDocument, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create($"Use new {targetType.Name}(...)", _ => Task.FromResult(fixedDocument), equivalenceKey: "LTT0011.OtherKind." + kind),
            diagnostic);
    }

    private static readonly SyntaxAnnotation Marker = new("LTT.TopicKind");

    /// <summary>
    /// The name of the parameter a named argument (<c>topic: new Topic(...)</c>) binds to once its value is the other
    /// kind: the parameter of <paramref name="targetType"/> in the method the call becomes (renamed or another overload),
    /// when there is exactly one such name; null otherwise (the name stays, and the compile check decides).
    /// </summary>
    private static string? ParameterNameFor(ArgumentSyntax argument, ITypeSymbol targetType, TopicKind from, SemanticModel model)
    {
        if (argument.Parent?.Parent is not InvocationExpressionSyntax call)
        {
            return null;
        }

        var (receiver, name) = call.Expression switch
        {
            MemberAccessExpressionSyntax access => (model.GetTypeInfo(access.Expression).Type, access.Name.Identifier.ValueText),
            SimpleNameSyntax simple => (null, simple.Identifier.ValueText),
            _ => (null, null),
        };
        if (name is null)
        {
            return null;
        }

        var rename = Renames.FirstOrDefault(r => name == (from == TopicKind.Topic ? r.Topic : r.Pattern));
        if (rename.Topic is not null)
        {
            name = from == TopicKind.Topic ? rename.Pattern : rename.Topic;
        }

        var candidates = receiver is null
            ? model.LookupSymbols(call.SpanStart, name: name)
            : model.LookupSymbols(call.SpanStart, receiver, name, includeReducedExtensionMethods: true);
        var names = candidates.OfType<IMethodSymbol>()
            .SelectMany(m => m.Parameters)
            .Where(p => SymbolEqualityComparer.Default.Equals(p.Type, targetType))
            .Select(p => p.Name)
            .Distinct()
            .ToList();
        return names.Count == 1 ? names[0] : null;
    }

    /// <summary>Renames the subscribe or unsubscribe the new value is handed to, when it is the topic- or pattern-specific one.</summary>
    private static SyntaxNode Renamed(SyntaxNode root, TopicKind from)
    {
        var creation = root.GetAnnotatedNodes(Marker).First();
        if (creation.Parent?.Parent?.Parent is not InvocationExpressionSyntax { Expression: var callee } call)
        {
            return root;
        }

        var name = callee switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        var rename = Renames.FirstOrDefault(r => name?.Identifier.ValueText == (from == TopicKind.Topic ? r.Topic : r.Pattern));
        if (name is null || rename.Topic is null)
        {
            return root;
        }

        var renamed = IdentifierName(from == TopicKind.Topic ? rename.Pattern : rename.Topic).WithTriviaFrom(name);
        return root.ReplaceNode(call, call.ReplaceNode(name, renamed));
    }

    private static async Task<bool> CompilesAsWellAsync(Document before, Document after, CancellationToken cancellationToken)
    {
        var oldModel = await before.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var newModel = await after.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return oldModel is not null && newModel is not null
            && Errors(newModel, cancellationToken) <= Errors(oldModel, cancellationToken);
    }

    private static int Errors(SemanticModel model, CancellationToken cancellationToken)
        => model.GetDiagnostics(cancellationToken: cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
}
