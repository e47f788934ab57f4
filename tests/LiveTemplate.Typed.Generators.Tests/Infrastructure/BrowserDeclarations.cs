using LiveTemplate.Typed.Generators.Emitting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LiveTemplate.Typed.Generators.Tests.Infrastructure;

/// <summary>Runs the generator with the browser declarations turned on, as the package's MSBuild target does, and returns their TypeScript.</summary>
internal static class BrowserDeclarations
{
    public static string Generate(params string[] sources) => Generate(GeneratorHarness.Compile(sources));

    public static string Generate(Compilation compilation)
    {
        var driver = RunDriver(enabled: true, compilation);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var file = result.GeneratedSources.Single(s => s.HintName == BrowserDeclarationsEmitter.HintName).SourceText.ToString();
        var begin = file.IndexOf(BrowserDeclarationsEmitter.BeginMarker + "\n", StringComparison.Ordinal);
        var end = file.LastIndexOf(BrowserDeclarationsEmitter.EndMarker + "\n", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "the generated file has no declarations between its markers");
        return file.Substring(begin + BrowserDeclarationsEmitter.BeginMarker.Length + 1, end - begin - BrowserDeclarationsEmitter.BeginMarker.Length - 1);
    }

    public static GeneratorDriver RunDriver(bool enabled, params string[] sources) => RunDriver(enabled, GeneratorHarness.Compile(sources));

    public static GeneratorDriver RunDriver(bool enabled, Compilation compilation)
    {
        var properties = new Dictionary<string, string>();
        if (enabled)
        {
            properties[ActionGenerator.BrowserDeclarationsProperty] = "true";
        }

        return CSharpGeneratorDriver.Create(
                [new ActionGenerator().AsSourceGenerator()],
                parseOptions: GeneratorHarness.ParseOptions,
                optionsProvider: new BuildProperties(properties))
            .RunGenerators(compilation);
    }
}
