using System.Text;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Generators.Tests.Fixtures;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Generators.Tests;

/// <summary>
/// A message that reaches many connections is decoded once per instance when its action is immutable, and once per
/// connection when a handler could change what it was given.
/// </summary>
public class SharedDecodeTests
{
    private static readonly GroupId Board = new("board-7");

    public static TheoryData<string, bool> Fixtures => new()
    {
        { nameof(FrozenMove), true },
        { nameof(ListedMove), false },
        { nameof(ArrayMove), false },
        { nameof(ReadOnlyListMove), false },
        { nameof(CountedMove), false },
        { nameof(NotedMove), false },
        { nameof(CachedMove), false },
        { nameof(AnnouncedMove), false },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_generator_marks_an_action_immutable_only_when_nothing_in_it_can_change(string fixture, bool immutable)
        => Assert.Equal(immutable, IsImmutable(fixture));

    [Fact]
    public void An_action_declared_without_the_generator_is_not_immutable()
        => Assert.False(Of<HandWritten>());

    [Fact]
    public async Task The_handlers_of_every_connection_get_one_decoded_value_of_an_immutable_action()
    {
        var message = Message(FrozenMove.ActionName, """{"cardId":3,"column":"done","id":"0f8fad5b-d9cb-469f-a165-70867728950e","at":"2026-12-01T10:00:00+00:00","took":null,"note":{"text":"hi"},"colour":"Blue"}""");
        var handler = new SharingHandler();

        for (var connection = 0; connection < 3; connection++)
        {
            Assert.True((await Dispatch(handler, message)).IsHandled);
        }

        Assert.Equal(3, handler.Handled.Count);
        Assert.All(handler.Handled, action => Assert.Same(handler.Handled[0], action));
        Assert.Equal("hi", Assert.IsType<FrozenMove>(handler.Handled[0]).Note!.Text);
    }

    [Theory]
    [InlineData("listed-move", """{"cardId":3,"tags":["a"]}""")]
    [InlineData("array-move", """{"cardId":3,"path":[1,2]}""")]
    [InlineData("read-only-list-move", """{"cardId":3,"tags":["a"]}""")]
    [InlineData("counted-move", """{"cardId":3}""")]
    [InlineData("noted-move", """{"cardId":3,"note":{"text":"t"}}""")]
    [InlineData("cached-move", """{"cardId":3}""")]
    public async Task Each_connection_gets_its_own_value_of_an_action_a_handler_could_change(string action, string json)
    {
        var message = Message(action, json);
        var handler = new SharingHandler();

        Assert.True((await Dispatch(handler, message)).IsHandled);
        Assert.True((await Dispatch(handler, message)).IsHandled);

        Assert.Equal(2, handler.Handled.Count);
        Assert.NotSame(handler.Handled[0], handler.Handled[1]);
        Assert.Equal(handler.Handled[0].GetType(), handler.Handled[1].GetType());
    }

    [Fact]
    public async Task Data_other_than_the_message_s_own_is_decoded_not_taken_from_the_message()
    {
        var message = Message(FrozenMove.ActionName, Frozen(1));
        var handler = new SharingHandler();
        Assert.True((await Dispatch(handler, message)).IsHandled);

        var other = Encoding.UTF8.GetBytes(Frozen(2));
        Assert.True((await handler.DispatchAsync(FrozenMove.ActionName, other, ActionContext.From(message))).IsHandled);

        Assert.Equal([1, 2], handler.Handled.Cast<FrozenMove>().Select(m => m.CardId));
    }

    [Fact]
    public async Task Data_that_does_not_decode_is_refused_for_every_connection_and_nothing_is_kept()
    {
        var message = Message(FrozenMove.ActionName, """{"cardId":"three"}""");
        var handler = new SharingHandler();

        var first = await Dispatch(handler, message);
        var second = await Dispatch(handler, message);

        Assert.Equal(ActionDispatchStatus.InvalidData, first.Status);
        Assert.Equal(ActionDispatchStatus.InvalidData, second.Status);
        Assert.Contains("cardId", second.Detail, StringComparison.Ordinal);
        Assert.Empty(handler.Handled);
    }

    [Fact]
    public async Task Connections_decoding_at_once_all_get_an_equal_value()
    {
        var message = Message(FrozenMove.ActionName, Frozen(9));
        var handlers = Enumerable.Range(0, 8).Select(_ => new SharingHandler()).ToArray();

        var results = await Task.WhenAll(handlers.Select(h => Task.Run(async () => await Dispatch(h, message))));

        Assert.All(results, r => Assert.True(r.IsHandled));
        var values = handlers.Select(h => Assert.IsType<FrozenMove>(Assert.Single(h.Handled))).ToArray();
        Assert.All(values, v => Assert.Equal(values[0], v));
    }

    private static string Frozen(int cardId)
        => $$"""{"cardId":{{cardId}},"column":"c","id":"0f8fad5b-d9cb-469f-a165-70867728950e","at":"2026-12-01T10:00:00+00:00","took":"00:00:01","note":null,"colour":"Red"}""";

    private static GroupActionMessage Message(string action, string json)
        => new(Board, action, Encoding.UTF8.GetBytes(json), "instance-a", DateTimeOffset.UtcNow, 1);

    private static ValueTask<ActionDispatchResult> Dispatch(SharingHandler handler, GroupActionMessage message)
        => handler.DispatchAsync(message.Action, message.Data, ActionContext.From(message));

    private static bool IsImmutable(string fixture) => fixture switch
    {
        nameof(FrozenMove) => Of<FrozenMove>(),
        nameof(ListedMove) => Of<ListedMove>(),
        nameof(ArrayMove) => Of<ArrayMove>(),
        nameof(ReadOnlyListMove) => Of<ReadOnlyListMove>(),
        nameof(CountedMove) => Of<CountedMove>(),
        nameof(NotedMove) => Of<NotedMove>(),
        nameof(CachedMove) => Of<CachedMove>(),
        nameof(AnnouncedMove) => Of<AnnouncedMove>(),
        _ => throw new ArgumentOutOfRangeException(nameof(fixture), fixture, null),
    };

    private static bool Of<TAction>()
        where TAction : IAction<TAction>
        => TAction.IsImmutable;

    /// <summary>An action implemented by hand: it keeps the interface's default.</summary>
    private sealed record HandWritten(int X) : IAction<HandWritten>
    {
        public static string ActionName => "hand-written";

        public static ActionScope Scope => ActionScope.Group;

        public static void Write(System.Text.Json.Utf8JsonWriter writer, HandWritten value) => writer.WriteNumber("x", value.X);

        public static bool TryRead(ReadOnlySpan<byte> utf8Json, out HandWritten value, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out ActionDataError? error)
        {
            value = new HandWritten(0);
            error = null;
            return true;
        }
    }
}
