using System.Diagnostics;
using System.Globalization;
using System.Text;
using LiveTemplate.Typed.Benchmarks.Harness;
using LiveTemplate.Typed.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LiveTemplate.Typed.Benchmarks.Generator;

/// <summary>
/// What the generated code costs a project: its size per action and per member, and the time to compile a project of
/// 1,000 actions with it against the same project without it (the declarations alone compile: nothing uses them).
/// </summary>
public static class GeneratedCodePart
{
    private const int Actions = 1_000;
    private const int PerMemberActions = 200;
    private const int ExtraMembers = 20;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static void Run(Report report, RunSettings settings, MetadataReference[] references)
    {
        report.Heading("Generated code: size and compile time");
        report.Note($"Start: {MachineLoad.Describe()}.");

        var project = Compile([GeneratorPart.ActionsSource(Actions)], references);
        var (withCode, bytes) = Generate(project);
        var (few, fewBytes) = Generate(Compile([FlatActions(PerMemberActions, 0)], references));
        var (_, manyBytes) = Generate(Compile([FlatActions(PerMemberActions, ExtraMembers)], references));
        GC.KeepAlive(few);
        var perMember = (manyBytes - fewBytes) / (double)(PerMemberActions * ExtraMembers);
        report.Table(
            ["Project", "Generated source", "Per action", "Per member"],
            [[$"{Actions:N0} actions (the generator part's two shapes: 4 members; 4 members and a nested record)", $"{bytes / 1024.0:N0} KiB", $"{bytes / (double)Actions:N0} B", $"{perMember:N0} B (from {PerMemberActions} actions of 1 and {1 + ExtraMembers} members)"]]);

        var runs = settings.Quick ? 2 : 5;
        var compiled = Measure(() => Emit(withCode), runs);
        var alone = Measure(() => Emit(project), runs);
        report.Note($"Emit (to memory, Debug, as `dotnet build` compiles) of the {Actions:N0}-action project, median of {runs} runs after one warm-up; CPU is the process's processor time during the emit (Roslyn compiles on every core).");
        report.Table(
            ["Compilation", "Wall", "CPU"],
            [
                ["declarations and generated code", $"{compiled.Wall:N0} ms", $"{compiled.Cpu:N0} ms"],
                ["declarations alone", $"{alone.Wall:N0} ms", $"{alone.Cpu:N0} ms"],
                ["what the generated code adds", $"{compiled.Wall - alone.Wall:N0} ms", $"{compiled.Cpu - alone.Cpu:N0} ms"],
            ]);
        report.Note($"End: {MachineLoad.Describe()}.");
    }

    private static CSharpCompilation Compile(string[] sources, MetadataReference[] references)
        => CSharpCompilation.Create(
            "Bench",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static (Compilation Output, long Bytes) Generate(CSharpCompilation compilation)
    {
        var driver = CSharpGeneratorDriver.Create([new ActionGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        if (diagnostics.Length > 0)
        {
            throw new InvalidOperationException(string.Join("\n", diagnostics));
        }

        var generated = output.SyntaxTrees.Except(compilation.SyntaxTrees);
        return (output, generated.Sum(t => (long)Encoding.UTF8.GetByteCount(t.GetText().ToString())));
    }

    private static void Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        }
    }

    private static (double Wall, double Cpu) Measure(Action emit, int runs)
    {
        emit();
        var wall = new List<double>();
        var cpu = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var process = Process.GetCurrentProcess();
            var startCpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            emit();
            wall.Add(clock.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - startCpu).TotalMilliseconds);
        }

        return (Median(wall), Median(cpu));
    }

    /// <summary>Actions of an int and <paramref name="extra"/> more members (ints and strings by turns).</summary>
    private static string FlatActions(int count, int extra)
    {
        var source = new StringBuilder("using LiveTemplate.Typed;\n\nnamespace Bench.Flat;\n\n");
        var members = string.Concat(Enumerable.Range(0, extra).Select(m => m % 2 == 0 ? $", int M{m}" : $", string S{m}"));
        for (var i = 0; i < count; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"[GroupAction] public sealed partial record Flat{i}(int Id{members});\n");
        }

        return source.ToString();
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
