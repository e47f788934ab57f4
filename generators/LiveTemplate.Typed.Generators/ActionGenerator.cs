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
        IncrementalValueProvider<ImmutableArray<ActionModel>>? all = null;
        foreach (var kind in ActionKinds.All)
        {
            var actions = ActionsMarkedWith(context, kind);
            context.RegisterSourceOutput(actions, static (spc, action) => EmitAction(spc, action));
            var collected = actions.Where(static a => a is not null).Select(static (a, _) => a!).Collect();
            all = all is null ? collected : all.Value.Combine(collected).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
        }

        RegisterBrowserDeclarations(context, all!.Value);

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

    // The TypeScript declarations (docs/browser-client.md), only when the build asks for them: the package's MSBuild
    // target sets LiveTemplateBrowserDeclarations and writes the text to the app's path.
    private static void RegisterBrowserDeclarations(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<ImmutableArray<ActionModel>> actions)
    {
        var enabled = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue(BrowserDeclarationsProperty, out var value) && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase));
        var uses = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => EndpointUseParser.IsCandidate(node), static (ctx, ct) => EndpointUseParser.Parse(ctx, ct))
            .Where(static u => u is not null)
            .Select(static (u, _) => u!)
            .WithTrackingName(TrackingNames.EndpointUses)
            .Collect();
        var updates = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => UpdateSendParser.IsCandidate(node), static (ctx, ct) => UpdateSendParser.Parse(ctx, ct))
            .Where(static u => u is not null)
            .Select(static (u, _) => u!)
            .WithTrackingName(TrackingNames.UpdateSends)
            .Collect();
        var input = actions.Combine(uses).Combine(updates).Combine(enabled).WithTrackingName(TrackingNames.BrowserDeclarations);
        context.RegisterSourceOutput(input, static (spc, input) =>
        {
            if (input.Right)
            {
                var ((models, endpointUses), sends) = input.Left;
                var typeScript = TypeScriptEmitter.Emit(models, endpointUses.Distinct().ToList(), sends.Distinct().ToList());
                spc.AddSource(BrowserDeclarationsEmitter.HintName, SourceText.From(BrowserDeclarationsEmitter.Emit(typeScript), System.Text.Encoding.UTF8));
            }
        });
    }

    /// <summary>The MSBuild property (made visible to the compiler by the package's props) that turns the browser declarations on.</summary>
    public const string BrowserDeclarationsProperty = "build_property.LiveTemplateBrowserDeclarations";

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
