using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Tests;

/// <summary>Each way to make a context names its scope, exactly one id (the scope's), the message and the token.</summary>
public sealed class ActionContextTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;
    private static readonly CancellationToken Token = new CancellationTokenSource().Token;

    [Fact]
    public void A_server_action_message_gives_its_user_and_no_other_id()
    {
        var message = new ServerActionMessage(new UserId("alice"), "note", "{}"u8.ToArray(), "i", Now);

        var context = ActionContext.From(message, cancellationToken: Token);

        Assert.Equal((ActionScope.Server, new UserId("alice"), (GroupId?)null, (Topic?)null), (context.Scope, context.UserId, context.GroupId, context.Topic));
        Assert.Same(message, context.Message);
        Assert.Equal(Token, context.CancellationToken);
        Assert.Equal("server action for user alice", context.ToString());
    }

    [Fact]
    public void A_group_action_message_gives_its_group_and_no_other_id()
    {
        var message = new GroupActionMessage(new GroupId("board"), "moved", "{}"u8.ToArray(), "i", Now);

        var context = ActionContext.From(message);

        Assert.Equal((ActionScope.Group, (UserId?)null, new GroupId("board"), (Topic?)null), (context.Scope, context.UserId, context.GroupId, context.Topic));
        Assert.Same(message, context.Message);
        Assert.Null(context.Connection);
        Assert.Equal("group action for group board", context.ToString());
    }

    [Fact]
    public void A_topic_action_message_gives_its_topic_and_no_other_id()
    {
        var message = new TopicActionMessage(new Topic("room/42"), "said", "{}"u8.ToArray(), "i", Now, 1);

        var context = ActionContext.From(message);

        Assert.Equal((ActionScope.Topic, (UserId?)null, (GroupId?)null, new Topic("room/42")), (context.Scope, context.UserId, context.GroupId, context.Topic));
        Assert.Equal("topic action for topic room/42", context.ToString());
    }

    [Fact]
    public void A_direct_invocation_names_its_scope_without_a_message()
    {
        var user = ActionContext.ForUser(new UserId("bob"));
        var group = ActionContext.ForGroup(new GroupId("team"));
        var topic = ActionContext.ForTopic(new Topic("news"));

        Assert.Equal((new UserId("bob"), (GroupId?)null, (Topic?)null), (user.UserId, user.GroupId, user.Topic));
        Assert.Equal(((UserId?)null, new GroupId("team"), (Topic?)null), (group.UserId, group.GroupId, group.Topic));
        Assert.Equal(((UserId?)null, (GroupId?)null, new Topic("news")), (topic.UserId, topic.GroupId, topic.Topic));
        Assert.All([user, group, topic], c => Assert.Null(c.Message));
    }

    [Fact]
    public void A_default_id_is_refused_where_the_context_is_made()
    {
        Assert.Throws<ArgumentException>(() => ActionContext.ForUser(default));
        Assert.Throws<ArgumentException>(() => ActionContext.ForGroup(default));
        Assert.Throws<ArgumentException>(() => ActionContext.ForTopic(default));
    }
}
