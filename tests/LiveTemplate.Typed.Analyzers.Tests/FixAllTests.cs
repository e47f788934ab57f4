using LiveTemplate.Typed.Analyzers.Tests.Infrastructure;
using LiveTemplate.Typed.CodeFixes;

namespace LiveTemplate.Typed.Analyzers.Tests;

/// <summary>Every code fix supports Fix All: one application in the document fixes both occurrences, and edits they share (a using) are made once.</summary>
public class FixAllTests
{
    [Fact]
    public Task LTT0001_fix_all_marks_both_members_and_adds_one_using()
        => Verify.FixAllAsync<AllowGlobalBroadcastCodeFix>(
            """
            using System;
            using System.Threading.Tasks;

            public sealed class Announcer(LiveTemplate.Typed.PubSub.IBroadcaster broadcaster)
            {
                public Task AnnounceAsync(ReadOnlyMemory<byte> payload) => broadcaster.{|LTT0001:PublishGlobalAsync|}(payload);

                public Task RepeatAsync(ReadOnlyMemory<byte> payload) => broadcaster.{|LTT0001:PublishGlobalAsync|}(payload);
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using LiveTemplate.Typed;

            public sealed class Announcer(LiveTemplate.Typed.PubSub.IBroadcaster broadcaster)
            {
                [AllowGlobalBroadcast("TODO: say why every connection on every instance must receive this")]
                public Task AnnounceAsync(ReadOnlyMemory<byte> payload) => broadcaster.PublishGlobalAsync(payload);

                [AllowGlobalBroadcast("TODO: say why every connection on every instance must receive this")]
                public Task RepeatAsync(ReadOnlyMemory<byte> payload) => broadcaster.PublishGlobalAsync(payload);
            }
            """,
            withUsings: false);

    [Fact]
    public Task LTT0002_fix_all_rewrites_both_publishes_and_adds_one_using()
        => Verify.FixAllAsync<UseTypedPublishCodeFix>(
            """
            using System;
            using System.Threading.Tasks;
            using LiveTemplate.Typed.PubSub;

            namespace Boards
            {
                [LiveTemplate.Typed.GroupAction] public sealed partial record CardMoved(int CardId);

                public sealed class Sender(IBroadcaster broadcaster)
                {
                    public async Task SendAsync(LiveTemplate.Typed.GroupId board, CardMoved moved)
                    {
                        await broadcaster.PublishGroupActionAsync(board, {|LTT0002:"card-moved"|}, LiveTemplate.Typed.Actions.ActionJson.SerializeToUtf8Bytes(moved));
                        await broadcaster.PublishGroupActionAsync(board, {|LTT0002:CardMoved.ActionName|}, LiveTemplate.Typed.Actions.ActionJson.SerializeToUtf8Bytes(moved with { CardId = 2 }));
                    }
                }
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using LiveTemplate.Typed.PubSub;
            using LiveTemplate.Typed;

            namespace Boards
            {
                [LiveTemplate.Typed.GroupAction] public sealed partial record CardMoved(int CardId);

                public sealed class Sender(IBroadcaster broadcaster)
                {
                    public async Task SendAsync(LiveTemplate.Typed.GroupId board, CardMoved moved)
                    {
                        await broadcaster.BroadcastAsync(board, moved);
                        await broadcaster.BroadcastAsync(board, moved with { CardId = 2 });
                    }
                }
            }
            """,
            withUsings: false);

    [Fact]
    public Task LTT0002_fix_all_rewrites_both_topic_publishes_and_adds_one_using()
        => Verify.FixAllAsync<UseTypedPublishCodeFix>(
            """
            using System;
            using System.Threading.Tasks;
            using LiveTemplate.Typed.PubSub;

            namespace Rooms
            {
                [LiveTemplate.Typed.TopicAction] public sealed partial record RoomNote(string Text);

                public sealed class Sender(ITopicBroadcaster topics)
                {
                    public async Task SendAsync(LiveTemplate.Typed.Topic room, RoomNote note)
                    {
                        await topics.PublishToTopicAsync(room, {|LTT0002:"room-note"|}, LiveTemplate.Typed.Actions.ActionJson.SerializeToUtf8Bytes(note));
                        await topics.PublishToTopicAsync(room, {|LTT0002:RoomNote.ActionName|}, LiveTemplate.Typed.Actions.ActionJson.SerializeToUtf8Bytes(note with { Text = "again" }));
                    }
                }
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using LiveTemplate.Typed.PubSub;
            using LiveTemplate.Typed;

            namespace Rooms
            {
                [LiveTemplate.Typed.TopicAction] public sealed partial record RoomNote(string Text);

                public sealed class Sender(ITopicBroadcaster topics)
                {
                    public async Task SendAsync(LiveTemplate.Typed.Topic room, RoomNote note)
                    {
                        await topics.PublishAsync(room, note);
                        await topics.PublishAsync(room, note with { Text = "again" });
                    }
                }
            }
            """,
            withUsings: false);

    [Fact]
    public Task LTT0010_fix_all_drops_the_empty_segments_of_both_literals()
        => Verify.FixAllAsync<RemoveEmptyTopicSegmentsCodeFix>(
            """
            public static class Topics
            {
                public static readonly Topic First = new({|LTT0010:"room//1"|});
                public static readonly TopicPattern Second = new({|LTT0010:"/room/*/"|});
            }
            """,
            """
            public static class Topics
            {
                public static readonly Topic First = new("room/1");
                public static readonly TopicPattern Second = new("room/*");
            }
            """);

    [Fact]
    public Task LTT0011_fix_all_turns_both_topics_into_patterns()
        => Verify.FixAllAsync<UseOtherTopicKindCodeFix>(
            """
            public sealed class Rooms(InMemoryBroadcaster broadcaster)
            {
                public async Task RunAsync()
                {
                    await broadcaster.SubscribeToTopicAsync(new Topic({|LTT0011:"room/*"|}));
                    await broadcaster.SubscribeToTopicAsync(new Topic({|LTT0011:"*/alice"|}));
                }
            }
            """,
            """
            public sealed class Rooms(InMemoryBroadcaster broadcaster)
            {
                public async Task RunAsync()
                {
                    await broadcaster.SubscribeToPatternAsync(new TopicPattern("room/*"));
                    await broadcaster.SubscribeToPatternAsync(new TopicPattern("*/alice"));
                }
            }
            """);

    [Fact]
    public Task LTT1001_fix_all_makes_both_actions_partial()
        => Verify.FixAllAsync<AddPartialCodeFix>(
            """
            [ServerAction]
            public sealed record {|LTT1001:CartUpdated|}(int Items);

            [GroupAction]
            public sealed record {|LTT1001:CardMoved|}(int CardId);
            """,
            """
            [ServerAction]
            public sealed partial record CartUpdated(int Items);

            [GroupAction]
            public sealed partial record CardMoved(int CardId);
            """);

    [Fact]
    public Task LTT1003_fix_all_keeps_the_first_scope_of_both_actions()
        => Verify.FixAllAsync<KeepOneScopeCodeFix>(
            """
            [ServerAction, GroupAction]
            public sealed partial record {|LTT1003:Moved|}(int Id);

            [ServerAction, TopicAction]
            public sealed partial record {|LTT1003:Noted|}(int Id);
            """,
            """
            [ServerAction]
            public sealed partial record Moved(int Id);

            [ServerAction]
            public sealed partial record Noted(int Id);
            """);
}
