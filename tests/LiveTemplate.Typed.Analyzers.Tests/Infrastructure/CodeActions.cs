using System.Collections.Immutable;
using LiveTemplate.Typed.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LiveTemplate.Typed.Analyzers.Tests.Infrastructure;

/// <summary>The titles of the code actions a fix offers for a diagnostic, as an IDE lists them.</summary>
internal static class CodeActions
{
    public static Task<List<string>> TitlesAsync<TFix>(string source, string id)
        where TFix : CodeFixProvider, new()
        => FixTitlesAsync<TFix>(source, id, new ActionDeclarationAnalyzer());

    /// <summary>As <see cref="TitlesAsync"/>, for a diagnostic of <paramref name="analyzer"/>, with the generator's output in the project.</summary>
    public static async Task<List<string>> FixTitlesAsync<TFix>(string source, string id, DiagnosticAnalyzer analyzer)
        where TFix : CodeFixProvider, new()
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "Test",
            "Test",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: Verify.References));
        Assert.True(workspace.TryApplyChanges(workspace.CurrentSolution.AddAnalyzerReference(project.Id, GeneratorReference.Instance)));
        var document = workspace.AddDocument(project.Id, "Test.cs", Microsoft.CodeAnalysis.Text.SourceText.From(source));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync();
        var diagnostic = diagnostics.Single(d => d.Id == id);

        var titles = new List<string>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => titles.Add(action.Title), CancellationToken.None);
        await new TFix().RegisterCodeFixesAsync(context);
        return titles;
    }
}
