using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.AspNetCore;

/// <summary>
/// What an endpoint's connections may do with presence (set with <see cref="LiveEndpointOptions.UsePresence{TMetadata}"/>).
/// A connection may list and watch its own group and its own user's scope; anything else is denied unless
/// <see cref="MayListOther"/> allows it. A browser may only track and update its own connection, with metadata that
/// decodes as the endpoint's type and fits <see cref="PresenceOptions.MaxMetadataBytes"/>.
/// </summary>
public sealed class PresencePolicy
{
    internal PresencePolicy(Func<ReadOnlyMemory<byte>, string?> checkMetadata) => CheckMetadata = checkMetadata;

    /// <summary>
    /// Whether browsers may track, update and untrack their own connection (<c>{"presence":"track","data":{…}}</c>; default
    /// true). When false, only the server sets a connection's presence; its browser may list and watch.
    /// </summary>
    public bool BrowserMayTrack { get; set; } = true;

    /// <summary>Allows a connection to list and watch a scope other than its own group and user (default: none; deny by default).</summary>
    public Func<LiveConnection, PresenceScope, bool>? MayListOther { get; set; }

    /// <summary>Why metadata is not of the endpoint's type (naming the member), or null when it is.</summary>
    internal Func<ReadOnlyMemory<byte>, string?> CheckMetadata { get; }

    internal bool MayList(LiveConnection connection, PresenceScope scope)
        => scope == PresenceScope.Of(connection.GroupId)
            || (connection.UserId is { } user && scope == PresenceScope.Of(user))
            || (MayListOther?.Invoke(connection, scope) ?? false);
}
