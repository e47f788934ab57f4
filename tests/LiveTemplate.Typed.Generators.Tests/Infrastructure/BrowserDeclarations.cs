using LiveTemplate.Typed.Generators.Emitting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LiveTemplate.Typed.Generators.Tests.Infrastructure;

/// <summary>Runs the generator with the browser declarations turned on, as the package's MSBuild target does, and returns their TypeScript.</summary>
internal static class BrowserDeclarations
{
    /// <summary>
    /// The endpoint's options type as the host declares it (LiveTemplate.Typed.AspNetCore), with the two calls the
    /// generator reads; this harness compiles without the ASP.NET Core framework.
    /// </summary>
    public const string EndpointOptions =
        """
        namespace LiveTemplate.Typed.AspNetCore
        {
            public sealed class LiveEndpointOptions
            {
                public LiveEndpointOptions AllowFromBrowser<TAction>() where TAction : LiveTemplate.Typed.Actions.IAction<TAction> => this;
                public LiveEndpointOptions UsePresence<TMetadata>(System.Action<object>? configure = null) => this;
            }
        }
        """;

    public static string Generate(params string[] sources) => Generate([], sources);

    /// <summary>The TypeScript of a project that references <paramref name="references"/> (libraries from <see cref="GeneratorHarness.CompileLibrary"/>).</summary>
    public static string Generate(IEnumerable<MetadataReference> references, params string[] sources)
        => Generate(GeneratorHarness.Compile("TestProject", references, sources));

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

    public static GeneratorDriver RunDriver(bool enabled, params string[] sources) => RunDriver(enabled, [], sources);

    public static GeneratorDriver RunDriver(bool enabled, IEnumerable<MetadataReference> references, params string[] sources)
        => RunDriver(enabled, GeneratorHarness.Compile("TestProject", references, sources));

    public static GeneratorDriver RunDriver(bool enabled, Compilation compilation)
        => GeneratorHarness.CreateDriver(options: Options(enabled)).RunGenerators(compilation);

    /// <summary>The build properties with the browser declarations on or off, as the package's MSBuild target sets them.</summary>
    public static BuildProperties Options(bool enabled)
        => new(enabled ? new Dictionary<string, string> { [ActionGenerator.BrowserDeclarationsProperty] = "true" } : new Dictionary<string, string>());
}
