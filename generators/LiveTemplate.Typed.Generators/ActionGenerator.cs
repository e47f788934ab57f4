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
/// JSON code; for every one marked <c>[PresenceMetadata]</c>, its JSON code; for every partial handler, a dispatch switch; and for the assembly, a catalogue of its actions.
/// Declarations it cannot generate for are skipped here and reported by <see cref="ActionDeclarationAnalyzer"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActionGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // One pipeline per kind of action (ActionKinds), and every action of every kind in the catalogue.
        IncrementalValueProvider<ImmutableArray<ActionModel?>>? all = null;
        foreach (var kind in ActionKinds.All)
        {
            var actions = ActionsMarkedWith(context, kind);
            context.RegisterSourceOutput(actions, static (spc, action) => EmitAction(spc, action));
            all = all is null ? actions.Collect() : all.Value.Combine(actions.Collect()).Select(static (pair, _) => pair.Left.AddRange(pair.Right));
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

        var catalogEntries = all!.Value
            .Select(static (actions, _) => CatalogEntries(actions))
            .WithTrackingName(TrackingNames.CatalogEntries);
        var catalogNamespace = context.CompilationProvider
            .Select(static (compilation, _) => CatalogEmitter.NamespaceFor(compilation.AssemblyName))
            .WithTrackingName(TrackingNames.CatalogNamespace);
        context.RegisterSourceOutput(catalogEntries.Combine(catalogNamespace), static (spc, pair) =>
        {
            if (pair.Left.Count > 0)
            {
                spc.AddSource(CatalogEmitter.HintName, SourceText.From(CatalogEmitter.Emit(pair.Right, pair.Left), System.Text.Encoding.UTF8));
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

    private static EquatableArray<CatalogEntryModel> CatalogEntries(ImmutableArray<ActionModel?> actions)
        => new(actions
            .Where(a => a is not null && a.Kind != ActionKind.Presence)
            .Select(a => new CatalogEntryModel(a!.ActionName, a.Declaration.FullTypeName, a.SuppressedDiagnostics))
            .OrderBy(e => e.ActionName, System.StringComparer.Ordinal)
            .ThenBy(e => e.FullTypeName, System.StringComparer.Ordinal));
}
