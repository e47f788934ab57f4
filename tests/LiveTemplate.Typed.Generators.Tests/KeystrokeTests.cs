using System.Collections.Immutable;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// Declarations as they are while being typed: the compiler reports its own errors, and the generator and the
/// declaration analyzer neither throw nor add LTT1005 (member type), LTT1006 (action name) or LTT1015 (JSON name) for
/// what the compiler already says is unfinished.
/// </summary>
public class KeystrokeTests
{
    private static readonly string[] FalseAlarms = ["LTT1005", "LTT1006", "LTT1015"];

    public static TheoryData<string, string> HalfTyped => new()
    {
        { "an attribute argument list not closed", "[GroupAction(\npublic sealed partial record CardMoved(int CardId);" },
        { "an attribute name string not closed", "[GroupAction(\"card\npublic sealed partial record CardMoved(int CardId);" },
        { "an attribute argument not declared yet", "[GroupAction(Names.Moved)]\npublic sealed partial record CardMoved(int CardId);" },
        { "an attribute argument of the wrong type", "[GroupAction(42)]\npublic sealed partial record CardMoved(int CardId);" },
        { "an attribute with an argument missing after a comma", "[GroupAction(\"card-moved\", )]\npublic sealed partial record CardMoved(int CardId);" },
        { "a named attribute argument without a value", "[TopicAction(Topic = )]\npublic sealed partial record RoomNote(string Room);" },
        { "a record without its name", "[GroupAction]\npublic sealed partial record (int CardId);" },
        { "a record without its name or members", "[GroupAction]\npublic sealed partial record" },
        { "a parameter without its type", "[GroupAction]\npublic sealed partial record CardMoved(CardId);" },
        { "a parameter whose type is not declared yet", "[GroupAction]\npublic sealed partial record CardMoved(Colum Column);" },
        { "a parameter whose generic type is not finished", "[GroupAction]\npublic sealed partial record CardMoved(List< Tags);" },
        { "a parameter list not closed", "[GroupAction]\npublic sealed partial record CardMoved(int CardId, string" },
        { "a property whose type is not declared yet", "[ServerAction]\npublic sealed partial record CartUpdated\n{\n    public Quantit Items { get; init; }\n}" },
        { "a property not finished", "[ServerAction]\npublic sealed partial record CartUpdated\n{\n    public int Items { get;\n}" },
        { "a partial property without its implementation", "[ServerAction]\npublic sealed partial record CartUpdated\n{\n    public partial int Items { get; init; }\n}" },
        { "a JSON name attribute without its argument", "[GroupAction]\npublic sealed partial record CardMoved([property: JsonPropertyName()] int CardId);" },
        { "a JSON name attribute not closed", "[GroupAction]\npublic sealed partial record CardMoved([property: JsonPropertyName(] int CardId);" },
        { "a JSON name not declared yet", "[GroupAction]\npublic sealed partial record CardMoved([property: JsonPropertyName(Names.Card)] int CardId);" },
        { "an enum member JSON name without its argument", "public enum Mood { [JsonStringEnumMemberName()] Happy }\n[GroupAction]\npublic sealed partial record MoodChanged(Mood Mood);" },
    };

    [Theory]
    [MemberData(nameof(HalfTyped))]
    public async Task Half_typed_declarations_get_only_the_compilers_errors(string what, string source)
    {
        var compilation = GeneratorHarness.Compile("#nullable enable\nusing System;\nusing System.Collections.Generic;\nusing System.Text.Json.Serialization;\nusing LiveTemplate.Typed;\n\n" + source);
        Assert.NotEmpty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(generatorDiagnostics.Where(d => d.Id.StartsWith("LTT", StringComparison.Ordinal) || d.Id == "CS8785"));

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ActionDeclarationAnalyzer(), new ReferencedDeclarationAnalyzer());
        var diagnostics = await output.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

        Assert.True(exceptions.Count == 0, what + ": " + string.Join("\n", exceptions));
        var falseAlarms = diagnostics.Where(d => FalseAlarms.Contains(d.Id)).Select(d => d.ToString()).ToList();
        Assert.True(falseAlarms.Count == 0, what + ": " + string.Join("\n", falseAlarms));
    }
}
