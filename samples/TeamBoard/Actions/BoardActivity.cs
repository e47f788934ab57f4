using LiveTemplate.Typed;

namespace TeamBoard.Actions;

/// <summary>
/// An entry of a board's activity feed, published to the topic <c>board/{Board}/activity</c> (derived from the record
/// by the generator). Browsers follow the feed of the board they show; the policy is <see cref="ActivityFeed"/>.
/// </summary>
[TopicAction("board-activity", Topic = "board/{Board}/activity")]
public sealed partial record BoardActivity(string Board, string Text);
