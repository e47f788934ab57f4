namespace LiveTemplate.Typed.Actions;

/// <summary>Who receives a typed action.</summary>
public enum ActionScope
{
    /// <summary>Every connection of one user (<see cref="ServerActionAttribute"/>, sent to a <see cref="UserId"/>).</summary>
    Server = 1,

    /// <summary>Every connection of one group (<see cref="GroupActionAttribute"/>, sent to a <see cref="GroupId"/>).</summary>
    Group = 2,

    /// <summary>Every connection subscribed to one topic or a pattern matching it (<see cref="TopicActionAttribute"/>, published to a <see cref="Topic"/>).</summary>
    Topic = 3,
}
