using LiveTemplate.Typed.AspNetCore;

namespace LiveTemplate.Typed.ClientHost;

/// <summary>
/// The endpoint /slam/{room}: a server that accepts, sends its hello and closes at once (1000), every time. The client's
/// backoff must grow against it: a hello alone is not a healthy connection.
/// </summary>
public sealed partial class SlamHandler(LiveConnection live) : IHandle<Say>, IConnectionLifecycle
{
    public ValueTask OnConnectedAsync(CancellationToken cancellationToken)
    {
        live.Close("slammed");
        return ValueTask.CompletedTask;
    }

    public ValueTask OnDisconnectedAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask HandleAsync(Say action, ActionContext context) => ValueTask.CompletedTask;
}
