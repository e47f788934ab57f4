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
/// Generates, for every <c>[ServerAction]</c>/<c>[GroupAction]</c> partial record, its action name, scope and
/// JSON code; for every partial handler, a dispatch switch; and for the assembly, a catalogue of its actions.
/// Declarations it cannot generate for are skipped here and reported by <see cref="ActionDeclarationAnalyzer"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ActionGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var serverActions = ActionsMarkedWith(context, KnownNames.ServerActionAttribute, ActionKind.Server, TrackingNames.ServerActions);
        var groupActions = ActionsMarkedWith(context, KnownNames.GroupActionAttribute, ActionKind.Group, TrackingNames.GroupActions);

        context.RegisterSourceOutput(serverActions, static (spc, action) => EmitAction(spc, action));
        context.RegisterSourceOutput(groupActions, static (spc, action) => EmitAction(spc, action));

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

        var catalogEntries = serverActions.Collect()
            .Combine(groupActions.Collect())
            .Select(static (pair, _) => CatalogEntries(pair.Left.AddRange(pair.Right)))
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

    private static IncrementalValuesProvider<ActionModel?> ActionsMarkedWith(IncrementalGeneratorInitializationContext context, string attribute, ActionKind kind, string trackingName)
        => context.SyntaxProvider
            .ForAttributeWithMetadataName(
                attribute,
                static (node, _) => node is TypeDeclarationSyntax,
                (ctx, ct) => ActionParser.Parse(ctx, kind, ct))
            .WithTrackingName(trackingName);

    private static void EmitAction(SourceProductionContext context, ActionModel? action)
    {
        if (action is not null)
        {
            context.AddSource(action.Declaration.HintName, SourceText.From(ActionEmitter.Emit(action), System.Text.Encoding.UTF8));
        }
    }

    private static EquatableArray<CatalogEntryModel> CatalogEntries(ImmutableArray<ActionModel?> actions)
        => new(actions
            .Where(a => a is not null)
            .Select(a => new CatalogEntryModel(a!.ActionName, a.Declaration.FullTypeName))
            .OrderBy(e => e.ActionName, System.StringComparer.Ordinal)
            .ThenBy(e => e.FullTypeName, System.StringComparer.Ordinal));
}
