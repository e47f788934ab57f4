using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// Optional for a handler whose connection follows streams with history (see docs/recovery.md): told, in the
/// stream's order, when messages the browser should have had are lost for good (trimmed, a new epoch, a resume from
/// a position the history no longer holds). The browser gets a <c>not-recovered</c> frame at the same moment; a
/// handler usually sends the state the stream would have changed again (the sample resends the board).
/// </summary>
public interface IConnectionRecovery
{
    /// <summary>Runs in the connection's event loop, before the stream's next message.</summary>
    ValueTask OnNotRecoveredAsync(NotRecoveredMessage notice, CancellationToken cancellationToken);
}
