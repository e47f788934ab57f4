using System.Diagnostics;
using System.Globalization;
using System.Text;
using Basic.Reference.Assemblies;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LiveTemplate.Typed.Benchmarks.Generator;

/// <summary>
/// The typed-action generator, driven in process through CSharpGeneratorDriver: a cold run over a project with 10,
/// 100 and 1,000 actions (a new driver each time), and a run of the same driver after an unrelated edit (a method
/// body changed in another file), which the incremental pipeline should answer from its cache.
/// </summary>
public static class GeneratorPart
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static void Run(Report report, RunSettings settings)
    {
        report.Heading("Source generator");
        report.Note($"Start: {MachineLoad.Describe()}.");
        var references = Net100.References.All.Append(MetadataReference.CreateFromFile(typeof(UserId).Assembly.Location)).ToArray();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var actions in new[] { 10, 100, 1_000 })
        {
            SyntaxTree[] trees = [CSharpSyntaxTree.ParseText(ActionsSource(actions), ParseOptions, path: "Actions.cs"), CSharpSyntaxTree.ParseText(OtherSource(0), ParseOptions, path: "Other.cs")];
            var runs = settings.Quick ? 3 : 7;
            var cold = new List<double>();
            var edit = new List<double>();
            var generated = 0;
            for (var run = 0; run < runs; run++)
            {
                // A new compilation each run, as a build has: nothing bound yet (the source is parsed once, outside the clock).
                var compilation = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                var clock = Stopwatch.StartNew();
                var driver = CreateDriver().RunGenerators(compilation);
                cold.Add(clock.Elapsed.TotalMilliseconds);
                var result = driver.GetRunResult();
                generated = result.GeneratedTrees.Length;
                if (result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
                }

                var edited = compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[1], CSharpSyntaxTree.ParseText(OtherSource(run + 1), ParseOptions, path: "Other.cs"));
                clock.Restart();
                driver = driver.RunGenerators(edited);
                edit.Add(clock.Elapsed.TotalMilliseconds);
                GC.KeepAlive(driver);
            }

            // The first cold run also JITs the generator; it is left out of the median.
            rows.Add([Report.Number(actions), Report.Number(generated), $"{Median(cold.Skip(1)):N1} ms", $"{cold[0]:N1} ms", $"{Median(edit.Skip(1)):N2} ms", CachedOutputs(trees, references)]);
            Console.WriteLine($"   {actions} actions: cold {Median(cold.Skip(1)):N1} ms, after an edit {Median(edit.Skip(1)):N2} ms");
        }

        report.Note("Median of the runs after the first (the first, which also JIT-compiles the generator, is shown apart). Each cold run gets a new compilation "
            + "of the already parsed sources, so it includes the binding the generator asks for; the run after the edit reuses the driver of the cold run "
            + "(its cached pipeline) on the compilation with one unrelated file changed.");
        report.Table(["Actions", "Generated files", "Cold run", "First cold run (JIT)", "Run after an unrelated edit", "Outputs cached after the edit"], rows);
        report.Note($"End: {MachineLoad.Describe()}.");
        GeneratedCodePart.Run(report, settings, references);
    }

    private static GeneratorDriver CreateDriver(bool trackSteps = false)
        => CSharpGeneratorDriver.Create(
            [new ActionGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>A separate, untimed run with step tracking: how many source outputs the edited run took from the cache.</summary>
    private static string CachedOutputs(SyntaxTree[] trees, MetadataReference[] references)
    {
        var compilation = CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CreateDriver(trackSteps: true).RunGenerators(compilation);
        driver = driver.RunGenerators(compilation.ReplaceSyntaxTree(compilation.SyntaxTrees[1], CSharpSyntaxTree.ParseText(OtherSource(99), ParseOptions, path: "Other.cs")));
        var outputs = driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).ToList();
        var cached = outputs.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        return $"{cached:N0} of {outputs.Count:N0}";
    }

    /// <summary>A project of <paramref name="count"/> actions of two shapes, by turns.</summary>
    internal static string ActionsSource(int count)
    {
        var source = new StringBuilder("using System;\nusing System.Collections.Generic;\nusing LiveTemplate.Typed;\n\nnamespace Bench.Actions;\n\npublic sealed record Person(string Id, string Name);\n\n");
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString(CultureInfo.InvariantCulture);
            source.Append(i % 2 == 0
                ? "[GroupAction] public sealed partial record CardMoved" + n + "(int CardId, string Column, IReadOnlyList<string> Tags, Person MovedBy);\n"
                : "[ServerAction] public sealed partial record CartUpdated" + n + "(Guid CartId, int Items, decimal Total, string? Note);\n");
        }

        return source.ToString();
    }

    private static string OtherSource(int version)
        => $"namespace Bench;\n\npublic static class Unrelated\n{{\n    public static int Answer() => {version};\n}}\n";

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
