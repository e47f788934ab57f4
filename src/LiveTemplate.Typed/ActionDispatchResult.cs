using LiveTemplate.Typed.Actions;
namespace LiveTemplate.Typed;

/// <summary>The outcome of dispatching one action: handled, or why not.</summary>
public readonly struct ActionDispatchResult
{
    private ActionDispatchResult(ActionDispatchStatus status, string action, string? detail, ActionDataError? dataError)
    {
        Status = status;
        Action = action;
        Detail = detail;
        DataError = dataError;
    }

    /// <summary>What happened.</summary>
    public ActionDispatchStatus Status { get; }

    /// <summary>The name of the action dispatched.</summary>
    public string Action { get; }

    /// <summary>Why the action was not handled, as a sentence; null when it was.</summary>
    public string? Detail { get; }

    /// <summary>The decoding error, for <see cref="ActionDispatchStatus.InvalidData"/>; otherwise null.</summary>
    public ActionDataError? DataError { get; }

    /// <summary>True when the handler ran.</summary>
    public bool IsHandled => Status == ActionDispatchStatus.Handled;

    /// <summary>The action was decoded and handled.</summary>
    public static ActionDispatchResult Handled(string action) => new(ActionDispatchStatus.Handled, action, null, null);

    /// <summary>No handler knows an action of this name.</summary>
    public static ActionDispatchResult UnknownAction(string action)
        => new(ActionDispatchStatus.UnknownAction, action, $"No handler for action '{action}'.", null);

    /// <summary>The data did not decode as the action.</summary>
    public static ActionDispatchResult InvalidData(string action, ActionDataError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(ActionDispatchStatus.InvalidData, action, $"Action '{action}' has invalid data: {error.Message}", error);
    }

    /// <summary>The action arrived for <paramref name="arrivedAs"/> but is declared for <paramref name="declared"/>.</summary>
    public static ActionDispatchResult WrongScope(string action, ActionScope declared, ActionScope arrivedAs)
        => new(ActionDispatchStatus.WrongScope, action, $"Action '{action}' is a {Describe(declared)} but arrived as a {Describe(arrivedAs)}.", null);

    /// <inheritdoc />
    public override string ToString() => Detail ?? $"Action '{Action}' handled.";

    private static string Describe(ActionScope scope) => scope switch
    {
        ActionScope.Server => "server action (for a user)",
        ActionScope.Topic => "topic action (for a topic's subscribers)",
        _ => "group action (for a group)",
    };
}
