using System.Collections.Immutable;
using System.Linq;
using LiveTemplate.Typed.Generators.Emitting;
using LiveTemplate.Typed.Generators.Model;
using LiveTemplate.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LiveTemplate.Typed.Generators;

/// <summary>
/// Generates, for every partial record marked with an action attribute (<c>[ServerAction]</c>, <c>[GroupAction]</c>), its action name, scope and
/// JSON code; for every one marked <c>[PresenceMetadata]</c>, its JSON code; and for every partial handler, a dispatch switch.
/// Declarations it cannot generate for are skipped here and reported by <see cref="ActionDeclarationAnalyzer"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActionGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // One pipeline per kind of action (ActionKinds).
        foreach (var kind in ActionKinds.All)
        {
            var actions = ActionsMarkedWith(context, kind);
            context.RegisterSourceOutput(actions, static (spc, action) => EmitAction(spc, action));
        }

        var handlers = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => HandlerParser.IsCandidate(node), static (ctx, ct) => HandlerParser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Handlers);
        context.RegisterSourceOutput(handlers, static (spc, handler) =>
        {
            if (handler is not null)
            {
                spc.AddSource(handler.Declaration.HintName, SourceText.From(HandlerEmitter.Emit(handler), System.Text.Encoding.UTF8));
            }
        });
    }

    private static IncrementalValuesProvider<ActionModel?> ActionsMarkedWith(IncrementalGeneratorInitializationContext context, ActionKindInfo kind)
        => context.SyntaxProvider
            .ForAttributeWithMetadataName(
                kind.AttributeMetadataName,
                static (node, _) => node is TypeDeclarationSyntax,
                (ctx, ct) => ActionParser.Parse(ctx, kind.Kind, ct))
            .WithTrackingName(kind.TrackingName);

    private static void EmitAction(SourceProductionContext context, ActionModel? action)
    {
        if (action is not null)
        {
            var source = action.Kind == ActionKind.Presence ? PresenceMetadataEmitter.Emit(action) : ActionEmitter.Emit(action);
            context.AddSource(action.Declaration.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
        }
    }
}
