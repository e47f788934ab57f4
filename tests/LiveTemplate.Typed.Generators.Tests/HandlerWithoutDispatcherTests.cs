using System.Collections.Immutable;
using LiveTemplate.Typed.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// LTT1022: a handler that lists <c>IHandle&lt;T&gt;</c> of a typed action but is not partial (or sits in a type that is
/// not) gets no dispatcher, which used to surface only as CS0311 at <c>MapLiveTemplate</c>; the handlers that need no
/// dispatcher of their own stay silent (one that inherits its base's dispatcher among them); a handler that gets
/// IHandle&lt;T&gt; through an interface of its own or an abstract base is reported too. The generator and the analyzer both run, on code that compiles.
/// </summary>
public class HandlerWithoutDispatcherTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using LiveTemplate.Typed;

        namespace Board;

        [GroupAction] public sealed partial record CardMoved(int CardId);

        public sealed class PlainHandler : IHandle<CardMoved>
        {
            public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
        }

        public static class Handlers
        {
            public sealed partial class NestedHandler : IHandle<CardMoved>
            {
                public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
            }
        }

        public sealed partial class FineHandler : IHandle<CardMoved>
        {
            public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
        }

        public abstract class BaseHandler : IHandle<CardMoved>
        {
            public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
        }

        public interface IBoardHandler : IHandle<CardMoved>;

        public sealed class ViaInterface : IBoardHandler
        {
            public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
        }

        public sealed class FromAbstract : BaseHandler;

        public partial class FineBase : IHandle<CardMoved>
        {
            public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
        }

        public sealed class InheritsItsDispatcher : FineBase;

        public sealed class ByHand : IHandle<CardMoved>, IActionDispatcher
        {
            public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
            public bool CanHandle(string actionName) => actionName == "card-moved";
            public ValueTask<ActionDispatchResult> DispatchAsync(string actionName, System.ReadOnlyMemory<byte> data, ActionContext context) => throw new System.NotSupportedException();
        }
        """;

    [Fact]
    public async Task A_handler_that_is_not_partial_or_sits_in_a_type_that_is_not_is_warned_and_the_others_are_not()
    {
        var (_, output) = GeneratorHarness.Run(Source);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ActionDeclarationAnalyzer())).GetAnalyzerDiagnosticsAsync();

        var reported = diagnostics.Select(d => $"{d.Id} {d.Severity} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            [
                "LTT1022 Warning 'FromAbstract' handles typed actions, but it is not partial, so the generator cannot give it a dispatcher: MapLiveTemplate will not accept it and no action reaches it; add the 'partial' modifier",
                "LTT1022 Warning 'NestedHandler' handles typed actions, but 'Handlers', which contains it, is not partial, so the generator cannot give it a dispatcher: MapLiveTemplate will not accept it and no action reaches it; add the 'partial' modifier",
                "LTT1022 Warning 'PlainHandler' handles typed actions, but it is not partial, so the generator cannot give it a dispatcher: MapLiveTemplate will not accept it and no action reaches it; add the 'partial' modifier",
                "LTT1022 Warning 'ViaInterface' handles typed actions, but it is not partial, so the generator cannot give it a dispatcher: MapLiveTemplate will not accept it and no action reaches it; add the 'partial' modifier",
            ],
            reported);
        Assert.All(diagnostics, d => Assert.True(d.Location.IsInSource));
    }

    [Fact]
    public async Task A_file_local_handler_is_warned_and_the_generator_still_generates_the_others()
    {
        // Its metadata name is no valid hint name: the generator used to fail as a whole (CS8785), every dispatcher lost.
        var (sources, output) = GeneratorHarness.Run(
            """
            using System.Threading.Tasks;
            using LiveTemplate.Typed;

            namespace Board;

            [GroupAction] public sealed partial record CardMoved(int CardId);

            file sealed partial class LocalHandler : IHandle<CardMoved>
            {
                public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
            }

            file static partial class LocalHandlers
            {
                public sealed partial class Nested : IHandle<CardMoved>
                {
                    public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
                }
            }

            public sealed partial class FineHandler : IHandle<CardMoved>
            {
                public ValueTask HandleAsync(CardMoved action, ActionContext context) => default;
            }
            """);
        Assert.Contains("Board.FineHandler.Dispatcher.g.cs", sources.Keys);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var diagnostics = await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ActionDeclarationAnalyzer())).GetAnalyzerDiagnosticsAsync();

        Assert.Equal(
            [
                "LTT1022 'LocalHandler' handles typed actions, but it is file-local, so the generator cannot give it a dispatcher: MapLiveTemplate will not accept it and no action reaches it; make it internal or public instead of file-local",
                "LTT1022 'Nested' handles typed actions, but 'LocalHandlers', which contains it, is file-local, so the generator cannot give it a dispatcher: MapLiveTemplate will not accept it and no action reaches it; make it internal or public instead of file-local",
            ],
            diagnostics.Select(d => $"{d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal));
    }
}
