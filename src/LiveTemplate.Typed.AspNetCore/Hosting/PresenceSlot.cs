using LiveTemplate.Typed.Presence;
using Microsoft.Extensions.DependencyInjection;

namespace LiveTemplate.Typed.AspNetCore.Hosting;

/// <summary>
/// The app's presence tracker, made when a connection first uses presence (making it starts its heartbeat on the store).
/// <see cref="Existing"/> tells whether it was made, without making it: a connection that never used presence ends
/// without starting a heartbeat.
/// </summary>
internal sealed class PresenceSlot(IServiceProvider services)
{
    private readonly Lazy<IPresence> _tracker = new(services.GetRequiredService<IPresence>);

    /// <summary>The tracker, made now when it does not exist yet.</summary>
    public IPresence Get() => _tracker.Value;

    /// <summary>The tracker when it exists (used by a connection, or resolved by the app's code), else null.</summary>
    public IPresence? Existing => _tracker.IsValueCreated ? _tracker.Value : Made;

    /// <summary>Set by the SDK's registration of <see cref="IPresence"/> when the container makes it.</summary>
    public IPresence? Made { get; set; }
}
