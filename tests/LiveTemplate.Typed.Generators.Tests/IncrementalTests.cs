using System.Collections;
using System.Reflection;
using LiveTemplate.Typed.Generators.Emitting;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>The generator's incremental pipeline: edits that do not touch a declaration reuse every cached step.</summary>
public class IncrementalTests
{
    private const string Declarations = """
        using System.Collections.Generic;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using LiveTemplate.Typed;
        using LiveTemplate.Typed.AspNetCore;

        namespace Boards;

        [GroupAction]
        public sealed partial record CardMoved(int CardId, IReadOnlyList<string> Tags, Person MovedBy);

        [ServerAction("cart-updated")]
        public sealed partial record CartUpdated(int Items);

        [LiveTemplate.Typed.Presence.PresenceMetadata]
        public sealed partial record BoardPresence(string Name, int? EditingCardId);

        public sealed record Person(string Id, string Name);

        public sealed partial class BoardHandler : IHandle<CardMoved>, IHandle<CartUpdated>
        {
            public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
            public ValueTask HandleAsync(CartUpdated action, ActionContext context) => default;
            public int Helper() => 1;
        }

        [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
        [JsonSerializable(typeof(Person))]
        public sealed partial class BoardJson : JsonSerializerContext { }

        public sealed class Sender
        {
            public async Task SendAsync(LiveConnection live, Person person) => await live.SendAsync("person", person, BoardJson.Default.Person);
        }
        """;

    private static readonly string[] TrackedSteps =
    [
        TrackingNames.ServerActions,
        TrackingNames.GroupActions,
        TrackingNames.PresenceMetadata,
        TrackingNames.Handlers,
        TrackingNames.UpdateSends,
    ];

    private static readonly string[] BrowserDeclarationSteps = [.. TrackedSteps, TrackingNames.ReferencedDeclarations, TrackingNames.BrowserDeclarations];

    // A library with an action of its own, compiled through the generator, for the steps that read referenced assemblies.
    private const string LibrarySource = "[LiveTemplate.Typed.GroupAction] public sealed partial record Shared(int Id);";

    private static readonly Lazy<MetadataReference> Library = new(() => GeneratorHarness.CompileLibrary("Contracts", [], [LibrarySource]));

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile(Declarations, HostDeclarations.LiveConnection);
        var changed = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int X => 1; }", GeneratorHarness.ParseOptions));

        AssertReused(compilation, changed);
    }

    [Fact]
    public void Editing_a_method_body_beside_the_declarations_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile(Declarations, HostDeclarations.LiveConnection);
        var tree = compilation.SyntaxTrees.First();
        var edited = tree.WithChangedText(tree.GetText().Replace(Declarations.IndexOf("=> 1;", StringComparison.Ordinal), 5, "=> 2 + 3;"));
        var changed = compilation.ReplaceSyntaxTree(tree, edited);

        AssertReused(compilation, changed);
    }

    [Fact]
    public void Changing_a_declaration_regenerates_it()
    {
        var compilation = GeneratorHarness.Compile(Declarations, HostDeclarations.LiveConnection);
        var tree = compilation.SyntaxTrees.First();
        var edited = tree.WithChangedText(tree.GetText().Replace(Declarations.IndexOf("int Items", StringComparison.Ordinal), 9, "long Items"));
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.ServerActions].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void With_browser_declarations_and_a_referenced_library_an_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = GeneratorHarness.Compile("TestProject", [Library.Value], Declarations, HostDeclarations.LiveConnection);
        var changed = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int X => 1; }", GeneratorHarness.ParseOptions));

        AssertReused(compilation, changed, BrowserDeclarations.Options(enabled: true), BrowserDeclarationSteps);
    }

    [Fact]
    public void Changing_a_referenced_library_regenerates_the_browser_declarations()
    {
        var compilation = GeneratorHarness.Compile("TestProject", [Library.Value], Declarations, HostDeclarations.LiveConnection);
        var changedLibrary = GeneratorHarness.CompileLibrary("Contracts", [], [LibrarySource.Replace("int Id", "string Id", StringComparison.Ordinal)]);
        var driver = GeneratorHarness.CreateDriver(trackSteps: true, BrowserDeclarations.Options(enabled: true)).RunGenerators(compilation);

        var result = driver.RunGenerators(compilation.ReplaceReference(Library.Value, changedLibrary)).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.ReferencedDeclarations].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("export interface Shared {\n  \"id\": string;\n}", result.GeneratedSources.Single(s => s.HintName == BrowserDeclarationsEmitter.HintName).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_the_naming_policy_of_an_update_context_reparses_its_update()
    {
        var compilation = GeneratorHarness.Compile(Declarations, HostDeclarations.LiveConnection);
        var tree = compilation.SyntaxTrees.First();
        var edited = tree.WithChangedText(tree.GetText().Replace(Declarations.IndexOf("SnakeCaseLower", StringComparison.Ordinal), 14, "KebabCaseLower"));
        var driver = GeneratorHarness.CreateDriver(trackSteps: true).RunGenerators(compilation);

        var result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, edited)).GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[TrackingNames.UpdateSends].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void No_step_output_holds_a_symbol_a_syntax_node_or_a_compilation()
    {
        var driver = GeneratorHarness.CreateDriver(trackSteps: true, BrowserDeclarations.Options(enabled: true))
            .RunGenerators(GeneratorHarness.Compile("TestProject", [Library.Value], Declarations, HostDeclarations.LiveConnection));
        var result = driver.GetRunResult().Results.Single();

        foreach (var name in BrowserDeclarationSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} did not run");
            foreach (var output in result.TrackedSteps[name].SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertReused(Compilation original, Compilation changed, AnalyzerConfigOptionsProvider? options = null, string[]? steps = null)
    {
        var driver = GeneratorHarness.CreateDriver(trackSteps: true, options).RunGenerators(original);
        var first = driver.GetRunResult().Results.Single();
        Assert.NotEmpty(first.GeneratedSources);

        var second = driver.RunGenerators(changed).GetRunResult().Results.Single();

        foreach (var name in steps ?? TrackedSteps)
        {
            var outputs = second.TrackedSteps[name].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {name} output was {o.Reason}"));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
        Assert.Equal(first.GeneratedSources.Select(s => s.SourceText.ToString()), second.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    private static void AssertNoRoslynObjects(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree or Location, $"step {step} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, step, seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), step, seen);
        }
    }
}
