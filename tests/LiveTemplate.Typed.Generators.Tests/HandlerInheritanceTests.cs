using System.Runtime.Loader;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// A handler derived from another handler, in the same project or a referenced one: the generated code gives no
/// warning, and the derived handler dispatches its own actions and its base's, called as itself or as a dispatcher. A
/// handler whose IHandle&lt;T&gt; come from an interface of its own or an abstract base that is not partial gets one too.
/// </summary>
public class HandlerInheritanceTests
{
    private const string Actions = """
        using LiveTemplate.Typed;

        namespace Board;

        [GroupAction] public sealed partial record CardMoved(int CardId);
        [ServerAction] public sealed partial record NoteSent(string Text);
        """;

    private const string BaseHandler = """
        using System.Threading.Tasks;
        using LiveTemplate.Typed;

        namespace Board;

        public partial class BoardHandler : IHandle<CardMoved>
        {
            public string Seen { get; protected set; } = "";

            public ValueTask HandleAsync(CardMoved action, ActionContext context) { Seen += "moved "; return default; }
        }
        """;

    private const string DerivedHandler = """
        using System.Text;
        using System.Threading.Tasks;
        using LiveTemplate.Typed;

        namespace Board.App;

        public sealed partial class NotingHandler : BoardHandler, IHandle<NoteSent>
        {
            public ValueTask HandleAsync(NoteSent action, ActionContext context) { Seen += "noted "; return default; }
        }

        public static class Probe
        {
            public static async Task<string> Run()
            {
                var user = ActionContext.ForUser(new UserId("alice"));
                var group = ActionContext.ForGroup(new GroupId("board-1"));
                var handler = new NotingHandler();
                IActionDispatcher dispatcher = handler;
                var asItself = await handler.DispatchAsync("note-sent", Encoding.UTF8.GetBytes("{\"text\":\"hi\"}"), user);
                var asDispatcher = await dispatcher.DispatchAsync("note-sent", Encoding.UTF8.GetBytes("{\"text\":\"hi\"}"), user);
                var inherited = await dispatcher.DispatchAsync("card-moved", Encoding.UTF8.GetBytes("{\"cardId\":1}"), group);
                return $"{asItself.Status} {asDispatcher.Status} {inherited.Status} {handler.CanHandle("note-sent")} {dispatcher.CanHandle("card-moved")} {handler.Seen}";
            }
        }
        """;

    private const string Expected = "Handled Handled Handled True True noted noted moved ";

    [Fact]
    public async Task A_handler_derived_from_a_handler_of_its_project_dispatches_both_and_its_generated_code_does_not_warn()
    {
        var app = Build("App", [], Actions, BaseHandler, DerivedHandler);

        Assert.Equal(Expected, await RunProbeAsync(app));
    }

    [Fact]
    public async Task A_handler_derived_from_a_handler_of_a_referenced_assembly_dispatches_both()
    {
        var library = Build("Board", [], Actions, BaseHandler);
        var app = Build("App", [MetadataReference.CreateFromImage(library)], DerivedHandler);

        Assert.Equal(Expected, await RunProbeAsync(app, library));
    }

    [Fact]
    public async Task A_handler_that_gets_IHandle_only_through_an_interface_of_its_own_dispatches_its_actions()
    {
        const string handler = """
            using System.Text;
            using System.Threading.Tasks;
            using LiveTemplate.Typed;

            namespace Board.App;

            public interface IBoardHandler : IHandle<CardMoved>, IHandle<NoteSent>;

            public sealed partial class InterfaceHandler : IBoardHandler
            {
                public string Seen { get; private set; } = "";
                public ValueTask HandleAsync(CardMoved action, ActionContext context) { Seen += "moved "; return default; }
                public ValueTask HandleAsync(NoteSent action, ActionContext context) { Seen += "noted "; return default; }
            }

            public static class Probe
            {
                public static async Task<string> Run()
                {
                    var handler = new InterfaceHandler();
                    IActionDispatcher dispatcher = handler;
                    var moved = await dispatcher.DispatchAsync("card-moved", Encoding.UTF8.GetBytes("{\"cardId\":1}"), ActionContext.ForGroup(new GroupId("board-1")));
                    var noted = await dispatcher.DispatchAsync("note-sent", Encoding.UTF8.GetBytes("{\"text\":\"hi\"}"), ActionContext.ForUser(new UserId("alice")));
                    return $"{moved.Status} {noted.Status} {handler.Seen}";
                }
            }
            """;

        Assert.Equal("Handled Handled moved noted ", await RunProbeAsync(Build("App", [], Actions, handler)));
    }

    [Fact]
    public async Task A_partial_handler_derived_from_an_abstract_base_that_is_not_partial_dispatches_the_bases_actions()
    {
        const string handler = """
            using System.Text;
            using System.Threading.Tasks;
            using LiveTemplate.Typed;

            namespace Board.App;

            public abstract class BaseHandler : IHandle<CardMoved>
            {
                public string Seen { get; protected set; } = "";
                public ValueTask HandleAsync(CardMoved action, ActionContext context) { Seen += "moved "; return default; }
            }

            public sealed partial class ConcreteHandler : BaseHandler;

            public static class Probe
            {
                public static async Task<string> Run()
                {
                    var handler = new ConcreteHandler();
                    var moved = await ((IActionDispatcher)handler).DispatchAsync("card-moved", Encoding.UTF8.GetBytes("{\"cardId\":1}"), ActionContext.ForGroup(new GroupId("board-1")));
                    return $"{moved.Status} {handler.CanHandle("card-moved")} {handler.Seen}";
                }
            }
            """;

        Assert.Equal("Handled True moved ", await RunProbeAsync(Build("App", [], Actions, handler)));
    }

    /// <summary>Compiles through the generator; any warning or error (the generated code's included) fails the test.</summary>
    private static byte[] Build(string name, IEnumerable<MetadataReference> references, params string[] sources)
    {
        var compilation = GeneratorHarness.Compile(name, references, sources);
        GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var problems = emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emitted.Success && problems.Count == 0, string.Join("\n", problems));
        return image.ToArray();
    }

    private static async Task<string> RunProbeAsync(byte[] app, byte[]? library = null)
    {
        var context = new AssemblyLoadContext("handlers", isCollectible: true);
        try
        {
            if (library is not null)
            {
                context.LoadFromStream(new MemoryStream(library));
            }

            var probe = context.LoadFromStream(new MemoryStream(app)).GetType("Board.App.Probe", throwOnError: true)!;
            return await (Task<string>)probe.GetMethod("Run")!.Invoke(null, null)!;
        }
        finally
        {
            context.Unload();
        }
    }
}
