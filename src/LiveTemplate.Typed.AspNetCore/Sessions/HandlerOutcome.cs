namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// What came of handing one item to the connection's handler: its dispatch result, or that it threw, or that no
/// handler ran (a broadcast, or a topic action only the browser's subscription brought).
/// </summary>
internal readonly struct HandlerOutcome
{
    private HandlerOutcome(ActionDispatchResult? result, bool threw)
    {
        Result = result;
        Threw = threw;
    }

    /// <summary>No handler ran.</summary>
    public static HandlerOutcome None => default;

    /// <summary>The handler threw (its exception is logged where it was caught).</summary>
    public static HandlerOutcome Failed => new(null, threw: true);

    /// <summary>The handler's dispatch returned <paramref name="result"/>.</summary>
    public static HandlerOutcome Ran(ActionDispatchResult result) => new(result, threw: false);

    /// <summary>The dispatch's result; null when the handler threw or no handler ran.</summary>
    public ActionDispatchResult? Result { get; }

    /// <summary>True when the handler threw.</summary>
    public bool Threw { get; }

    /// <summary>What a dispatch span's outcome attribute says: the status, <c>HandlerFailed</c>, or null when no handler ran.</summary>
    public string? Name => Threw ? "HandlerFailed" : Result?.Status.ToString();
}
