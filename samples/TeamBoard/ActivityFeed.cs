using LiveTemplate.Typed;
using LiveTemplate.Typed.AspNetCore;
using TeamBoard.Actions;

namespace TeamBoard;

/// <summary>
/// The per-board activity feed, a topic: the handler publishes what happens on a board to <c>board/{board}/activity</c>,
/// and a page subscribes to its own board's feed from the browser (wwwroot/activity.js). The endpoint's topic policy
/// lets a connection follow only the feed of the board it is connected to; everything else is refused.
/// </summary>
public static class ActivityFeed
{
    private const string GroupPrefix = "board:";

    /// <summary>The board a connection's group names (<c>board:team</c> is <c>team</c>).</summary>
    public static string BoardOf(GroupId group) => group.Value[GroupPrefix.Length..];

    /// <summary>Publishes an entry to the feed of <paramref name="live"/>'s board: every page following it, on every instance (this one's included).</summary>
    public static Task PublishAsync(LiveConnection live, string text, CancellationToken cancellationToken)
    {
        var board = BoardOf(live.GroupId);
        return live.PublishAsync(BoardActivity.TopicFor(board), new BoardActivity(board, text), cancellationToken);
    }

    /// <summary>The endpoint's topic policy: a browser may follow its own board's feed, nothing else.</summary>
    public static void Allow(TopicPolicy topics)
    {
        topics.AllowOwnReservedTopics = false;
        topics.MaySubscribeTopic = static (connection, topic) => topic == BoardActivity.TopicFor(BoardOf(connection.GroupId));
    }
}
