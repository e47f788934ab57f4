namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// Optional for a handler: runs code when its connection opens (to send the browser its initial state) and after
/// it closed (to release what the connection held).
/// </summary>
public interface IConnectionLifecycle
{
    /// <summary>
    /// Runs in the connection's event loop before any action: the connection is registered, so nothing sent to its
    /// group or user is missed; it waits in the queue until this returns.
    /// </summary>
    ValueTask OnConnectedAsync(CancellationToken cancellationToken);

    /// <summary>Runs once the socket has closed and the connection left the registry; sending to the browser does nothing now.</summary>
    ValueTask OnDisconnectedAsync(CancellationToken cancellationToken);
}
