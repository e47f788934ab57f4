using System.Runtime.Loader;
using System.Text;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// An assembly with 200 actions of both scopes and one handler of them all: the generated code compiles without a
/// warning, and the handler's dispatcher decodes each action by its own name and shape and hands it to its own method.
/// </summary>
public class ManyActionsTests
{
    private const int Count = 200;

    [Fact]
    public async Task Two_hundred_actions_and_a_handler_of_all_of_them_compile_and_dispatch()
    {
        var actions = Enumerable.Range(0, Count).Select(i =>
            $"[{(i % 2 == 0 ? "GroupAction" : "ServerAction")}] public sealed partial record Action{i}(int Value{i}, string? Note);");
        var interfaces = string.Join(", ", Enumerable.Range(0, Count).Select(i => $"IHandle<Action{i}>"));
        var methods = Enumerable.Range(0, Count).Select(i =>
            $"    public ValueTask HandleAsync(Action{i} action, ActionContext context) {{ Handled.Add(\"{i}:\" + action.Value{i} + \":\" + action.Note); return default; }}");
        var source = $$"""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using LiveTemplate.Typed;

            namespace Many;

            {{string.Join("\n", actions)}}

            public sealed partial class AllHandler : {{interfaces}}
            {
                public List<string> Handled { get; } = new();

            {{string.Join("\n", methods)}}
            }
            """;

        var (sources, output) = GeneratorHarness.Run(source);
        Assert.Equal(Count, sources.Keys.Count(k => k.EndsWith(".Action.g.cs", StringComparison.Ordinal)));
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        Assert.Empty(emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));

        image.Position = 0;
        var context = new AssemblyLoadContext("many-actions", isCollectible: true);
        try
        {
            var handlerType = context.LoadFromStream(image).GetType("Many.AllHandler", throwOnError: true)!;
            var handler = (IActionDispatcher)Activator.CreateInstance(handlerType)!;
            var handled = (List<string>)handlerType.GetProperty("Handled")!.GetValue(handler)!;
            for (var i = 0; i < Count; i++)
            {
                var name = $"action{i}";
                var scope = i % 2 == 0 ? ActionContext.ForGroup(new GroupId("g")) : ActionContext.ForUser(new UserId("u"));
                var result = await handler.DispatchAsync(name, Encoding.UTF8.GetBytes($$"""{"value{{i}}":{{i * 7}},"note":"n{{i}}"}"""), scope);

                Assert.True(result.IsHandled, $"{name}: {result.Status} {result.Detail}");
                Assert.Equal($"{i}:{i * 7}:n{i}", handled[^1]);
                Assert.True(handler.CanHandle(name));
            }

            Assert.Equal(Count, handled.Count);
            Assert.False(handler.CanHandle("action200"));
            var wrongShape = await handler.DispatchAsync("action5", Encoding.UTF8.GetBytes("""{"value4":1}"""), ActionContext.ForUser(new UserId("u")));
            Assert.False(wrongShape.IsHandled);
            Assert.Equal(Count, handled.Count);
        }
        finally
        {
            context.Unload();
        }
    }
}
