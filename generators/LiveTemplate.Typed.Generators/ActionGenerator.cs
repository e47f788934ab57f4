using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LiveTemplate.Typed.Generators.Emitting;
using LiveTemplate.Typed.Generators.Model;
using LiveTemplate.Typed.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
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
        var enabled = context.AnalyzerConfigOptionsProvider.Select(static (options, _) => BrowserDeclarationsAreOn(options.GlobalOptions));
        var uses = CallsFound(context, EndpointUseParser.IsCandidate, EndpointUseParser.Parse, TrackingNames.EndpointUses);
        RegisterAssemblyRecords(context, actions, uses);
        var updates = CallsFound(context, UpdateSendParser.IsCandidate, UpdateSendParser.Parse, TrackingNames.UpdateSends);

        // Combined with the switch first, so that a build without the declarations never looks into its references.
        var referenced = enabled.Combine(context.CompilationProvider)
            .Select(static (pair, ct) => pair.Left ? ReferencedDeclarationReader.Read(pair.Right, ct) : ReferencedDeclarations.None)
            .WithTrackingName(TrackingNames.ReferencedDeclarations);
        var input = actions.Combine(uses).Combine(updates).Combine(enabled).Combine(referenced).WithTrackingName(TrackingNames.BrowserDeclarations);
        context.RegisterSourceOutput(input, static (spc, input) =>
        {
            var (((sourceActions, sourceUses), sends), on) = input.Left;
            if (on)
            {
                // A type declared both here and in a reference is the one in source, as the compiler takes it (CS0436).
                var inSource = new HashSet<string>(sourceActions.Select(a => a.Declaration.FullTypeName), System.StringComparer.Ordinal);
                var all = sourceActions.AddRange(input.Right.Actions.Where(a => !inSource.Contains(a.Declaration.FullTypeName)));
                var typeScript = TypeScriptEmitter.Emit(all, sourceUses.Concat(input.Right.Uses).Distinct().ToList(), sends.Distinct().ToList());
                spc.AddSource(BrowserDeclarationsEmitter.HintName, SourceText.From(BrowserDeclarationsEmitter.Emit(typeScript), System.Text.Encoding.UTF8));
            }
        });
    }

    // The calls a parser recognises in the project, collected: the syntax test first, then the parse (null: not one).
    private static IncrementalValueProvider<ImmutableArray<T>> CallsFound<T>(IncrementalGeneratorInitializationContext context, System.Func<SyntaxNode, bool> isCandidate, System.Func<GeneratorSyntaxContext, System.Threading.CancellationToken, T?> parse, string trackingName)
        where T : class
        => context.SyntaxProvider
            .CreateSyntaxProvider((node, _) => isCandidate(node), (ctx, ct) => parse(ctx, ct))
            .Where(static u => u is not null)
            .Select(static (u, _) => u!)
            .WithTrackingName(trackingName)
            .Collect();

    // What the browser declarations of an app that references this project read from its assembly (AssemblyRecords),
    // whether or not this project has the declarations on; no file when there is nothing to record.
    private static void RegisterAssemblyRecords(IncrementalGeneratorInitializationContext context, IncrementalValueProvider<ImmutableArray<ActionModel>> actions, IncrementalValueProvider<ImmutableArray<EndpointUse>> uses)
    {
        var nonPublic = actions.Select(static (all, _) => new EquatableArray<string>(
            all.SelectMany(a => a.NonPublicMemberOwners).Distinct().OrderBy(n => n, System.StringComparer.Ordinal)));
        context.RegisterSourceOutput(uses.Combine(nonPublic), static (spc, input) =>
        {
            var records = input.Left.Distinct().OrderBy(u => u.FullTypeName, System.StringComparer.Ordinal).ThenBy(u => u.Kind)
                .Select(u => (AssemblyRecords.KeyOf(u.Kind), u.FullTypeName))
                .Concat(input.Right.Select(n => (AssemblyRecords.NonPublicMembers, n)))
                .ToList();
            if (records.Count > 0)
            {
                spc.AddSource(AssemblyRecordsEmitter.HintName, SourceText.From(AssemblyRecordsEmitter.Emit(records), System.Text.Encoding.UTF8));
            }
        });
    }

    /// <summary>The MSBuild property (made visible to the compiler by the package's props) that turns the browser declarations on.</summary>
    public const string BrowserDeclarationsProperty = "build_property.LiveTemplateBrowserDeclarations";

    /// <summary>True when the build turns the browser declarations on (<see cref="BrowserDeclarationsProperty"/> is true).</summary>
    internal static bool BrowserDeclarationsAreOn(AnalyzerConfigOptions options)
        => options.TryGetValue(BrowserDeclarationsProperty, out var value) && string.Equals(value?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);

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
