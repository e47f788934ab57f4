using System.Runtime.CompilerServices;
using System.Text;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// The generator's output for representative inputs, compared with the checked-in files under Snapshots/. To
/// accept a deliberate change, run the tests with LTT_UPDATE_SNAPSHOTS=1 and review the diff (see README.md).
/// </summary>
public class SnapshotTests
{
    private const string UpdateVariable = "LTT_UPDATE_SNAPSHOTS";

    [Fact]
    public Task Server_action_in_a_namespace() => VerifyAsync(SnapshotSources.Server_action_in_a_namespace);

    [Fact]
    public Task Group_action_with_nested_payload() => VerifyAsync(SnapshotSources.Group_action_with_nested_payload);

    [Fact]
    public Task Every_supported_type() => VerifyAsync(SnapshotSources.Every_supported_type);

    [Fact]
    public Task Custom_names_defaults_and_keywords() => VerifyAsync(SnapshotSources.Custom_names_defaults_and_keywords);

    [Fact]
    public Task Handlers_for_several_actions_in_namespaces_and_generic_containers() => VerifyAsync(SnapshotSources.Handlers_for_several_actions_in_namespaces_and_generic_containers);

    [Fact]
    public Task Actions_nested_in_types_and_in_the_global_namespace() => VerifyAsync(SnapshotSources.Actions_nested_in_types_and_in_the_global_namespace);

    private static async Task VerifyAsync(string source, [CallerMemberName] string scenario = "", [CallerFilePath] string testFile = "")
    {
        var (actual, _) = GeneratorHarness.Run(source);
        var folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots", scenario);
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach (var (hint, text) in actual)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, hint), text);
            }
        }

        Assert.True(Directory.Exists(folder), $"No snapshot for {scenario}: run the tests once with {UpdateVariable}=1 and review the new files.");
        var expected = Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText, StringComparer.Ordinal);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (hint, text) in expected)
        {
            Assert.True(text == actual[hint], $"{scenario}/{hint} differs from the generator's output; if the change is intended, run with {UpdateVariable}=1 and review the diff.");
        }

        // The testing library compiles sources and expected output together: the generated code must build with
        // no error and no warning, exactly as checked in.
        var test = new CSharpSourceGeneratorTest<ActionGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = GeneratorHarness.NoReferenceAssemblies,
            TestCode = source,
        };
        test.TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        foreach (var (hint, text) in expected.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            test.TestState.GeneratedSources.Add((typeof(ActionGenerator), hint, SourceText.From(text, Encoding.UTF8)));
        }

        test.SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            return solution
                .WithProjectCompilationOptions(projectId, ((CSharpCompilationOptions)project.CompilationOptions!).WithNullableContextOptions(NullableContextOptions.Enable))
                .WithProjectParseOptions(projectId, GeneratorHarness.ParseOptions);
        });
        await test.RunAsync();
    }
}
