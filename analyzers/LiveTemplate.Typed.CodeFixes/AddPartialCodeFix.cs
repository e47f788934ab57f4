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
/// LTT1001 (the action is not partial), LTT1007 (a type around it is not) and LTT1022 (a handler, or a type around it,
/// is not): adds <c>partial</c> where it is missing; for LTT1007 and LTT1022 to every enclosing type that lacks it, so
/// one fix ends the diagnostic.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddPartialCodeFix)), Shared]
public sealed class AddPartialCodeFix : CodeFixProvider
{
    private const string ActionMustBePartial = "LTT1001";
    private const string ContainingTypeMustBePartial = "LTT1007";
    private const string HandlerGetsNoDispatcher = "LTT1022";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ActionMustBePartial, ContainingTypeMustBePartial, HandlerGetsNoDispatcher);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root?.FindToken(context.Span.Start).Parent?.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() is not { } action)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var targets = diagnostic.Id switch
            {
                ActionMustBePartial => new[] { action },
                ContainingTypeMustBePartial => action.Ancestors().OfType<TypeDeclarationSyntax>().ToArray(),
                _ => action.AncestorsAndSelf().OfType<TypeDeclarationSyntax>().ToArray(),
            };
            var missing = targets.Where(t => !t.Modifiers.Any(SyntaxKind.PartialKeyword)).ToImmutableArray();

            // A file-local handler gets no dispatcher, partial or not (LTT1022 says so): nothing to add.
            if (missing.IsEmpty || (diagnostic.Id == HandlerGetsNoDispatcher && targets.Any(t => t.Modifiers.Any(SyntaxKind.FileKeyword))))
            {
                continue;
            }

            var title = $"Make {string.Join(", ", missing.Select(t => "'" + t.Identifier.ValueText + "'"))} partial";
            context.RegisterCodeFix(CodeAction.Create(title, ct => AddPartialAsync(context.Document, missing, ct), equivalenceKey: diagnostic.Id), diagnostic);
        }
    }

    private static async Task<Document> AddPartialAsync(Document document, ImmutableArray<TypeDeclarationSyntax> declarations, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var declaration in declarations)
        {
            editor.SetModifiers(declaration, editor.Generator.GetModifiers(declaration).WithPartial(true));
        }

        return editor.GetChangedDocument();
    }
}
