using System.Collections.Immutable;
using LiveTemplate.Typed.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LiveTemplate.Typed.Analyzers.Tests.Infrastructure;

/// <summary>Builds a referenced library of typed actions (a "contracts" assembly), with the generator, in memory.</summary>
internal static class Contracts
{
    public static MetadataReference Compile(string source, string assemblyName = "Contracts")
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText("using LiveTemplate.Typed;\n" + source, new CSharpParseOptions(LanguageVersion.Latest))],
            Verify.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create(new ActionGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(ImmutableArray.Create(image.ToArray()));
    }
}
