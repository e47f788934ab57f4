using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// <see cref="ReferencedDeclarationAnalyzer"/>, with the browser declarations on: LTT1004 for an action name of the
/// project that a referenced library's action has too, and for one two libraries share; LTT1021 for a referenced
/// action with data members the project cannot see.
/// </summary>
public class ReferencedDeclarationAnalyzerTests
{
    private static readonly Lazy<MetadataReference[]> Libraries = new(() =>
    [
        GeneratorHarness.CompileLibrary("LibraryA", [], ["namespace A; [LiveTemplate.Typed.GroupAction] public sealed partial record MoveCard(int Id);"]),
        GeneratorHarness.CompileLibrary("LibraryB", [], ["namespace B; [LiveTemplate.Typed.ServerAction(\"move-card\")] public sealed partial record Moved(int Id);"]),
    ]);

    private const string App = """
        namespace App;

        [LiveTemplate.Typed.GroupAction("move-card")]
        public sealed partial record CardMoved(int Id);

        [LiveTemplate.Typed.GroupAction]
        public sealed partial record Other(int Id);
        """;

    [Fact]
    public async Task An_action_name_of_the_project_and_of_a_library_and_one_two_libraries_share_are_reported()
    {
        var diagnostics = await AnalyzeAsync(enabled: true, Libraries.Value, App);

        Assert.Equal(
            [
                "LTT1004 : Action name 'move-card' is used by both 'A.MoveCard' and 'B.Moved'; give one of them another name in its attribute, for example [GroupAction(\"move-card-2\")]",
                "LTT1004 Source0.cs(4,30): Action name 'move-card' is used by both 'App.CardMoved' and 'A.MoveCard'; give one of them another name in its attribute, for example [GroupAction(\"move-card-2\")]",
            ],
            diagnostics);
    }

    [Fact]
    public async Task Nothing_is_reported_without_the_browser_declarations_or_without_a_shared_name()
    {
        Assert.Empty(await AnalyzeAsync(enabled: false, Libraries.Value, App));
        Assert.Empty(await AnalyzeAsync(enabled: true, [Libraries.Value[0]], App.Replace("\"move-card\"", "\"card-moved\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_project_type_that_hides_a_referenced_one_of_its_full_name_is_not_a_second_action()
        => Assert.Empty(await AnalyzeAsync(enabled: true, [Libraries.Value[0]], "namespace A; [LiveTemplate.Typed.GroupAction] public sealed partial record MoveCard(int Id);"));

    [Fact]
    public async Task A_referenced_action_with_an_internal_member_is_reported_unless_its_assembly_lets_the_project_see_it()
    {
        const string notice = """
            using System.Text.Json.Serialization;

            namespace Contracts;

            [LiveTemplate.Typed.ServerAction]
            public sealed partial record Notice(string Text, Detail Detail);

            public sealed record Detail(int Level)
            {
                [JsonInclude]
                internal int Rank { get; init; }
            }
            """;
        var hidden = GeneratorHarness.CompileLibrary("Contracts", [], [notice]);
        var visible = GeneratorHarness.CompileLibrary("Contracts", [], [notice, "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"TestProject\")]"]);

        Assert.Equal(
            ["LTT1021 : 'Contracts.Detail', a type of an action of a referenced assembly, has data members that are not public, which this project's compiler does not load, so its browser declarations would lack them; make them public, or let that assembly grant this project [InternalsVisibleTo]"],
            await AnalyzeAsync(enabled: true, [hidden], "public static class Program { }"));
        Assert.Empty(await AnalyzeAsync(enabled: true, [visible], "public static class Program { }"));
        Assert.Contains("export interface Detail {\n  \"level\": number;\n  \"rank\"?: number;\n}", BrowserDeclarations.Generate([visible], "public static class Program { }"), StringComparison.Ordinal);
    }

    private static async Task<string[]> AnalyzeAsync(bool enabled, MetadataReference[] references, string source)
    {
        var compilation = GeneratorHarness.Compile("TestProject", references, source)
            .WithAnalyzers([new ReferencedDeclarationAnalyzer()], new AnalyzerOptions([], BrowserDeclarations.Options(enabled)));
        var diagnostics = await compilation.GetAnalyzerDiagnosticsAsync();
        return diagnostics
            .Select(d => $"{d.Id} {(d.Location.IsInSource ? $"{d.Location.SourceTree!.FilePath}({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1})" : string.Empty)}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
