namespace LiveTemplate.Typed;

/// <summary>What happened to an action given to an <see cref="IActionDispatcher"/>.</summary>
public enum ActionDispatchStatus
{
    /// <summary>The action was decoded and its handler ran to completion.</summary>
    Handled = 1,

    /// <summary>The dispatcher has no handler for an action of that name; nothing ran.</summary>
    UnknownAction = 2,

    /// <summary>The data could not be decoded as the action (see <see cref="ActionDispatchResult.DataError"/>); nothing ran.</summary>
    InvalidData = 3,

    /// <summary>
    /// The action arrived for the other scope (a server action sent to a group, or the reverse), which its
    /// declaration forbids; nothing ran.
    /// </summary>
    WrongScope = 4,
}
