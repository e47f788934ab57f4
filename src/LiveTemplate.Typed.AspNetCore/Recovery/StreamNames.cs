using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.AspNetCore.Recovery;

/// <summary>
/// The names a browser knows a connection's streams by, one per channel kind (its group's and user's channels are
/// the connection's own): <c>global</c>, <c>group</c>, <c>user</c>, <c>group-action</c>, <c>server-action</c>.
/// </summary>
internal static class StreamNames
{
    public static readonly ChannelKind[] Kinds = [ChannelKind.GlobalBroadcast, ChannelKind.GroupBroadcast, ChannelKind.UserBroadcast, ChannelKind.ServerAction, ChannelKind.GroupAction];

    public static string Of(ChannelKind kind) => kind switch
    {
        ChannelKind.GlobalBroadcast => "global",
        ChannelKind.GroupBroadcast => "group",
        ChannelKind.UserBroadcast => "user",
        ChannelKind.ServerAction => "server-action",
        _ => "group-action",
    };

    public static bool TryParse(string name, out ChannelKind kind)
    {
        foreach (var candidate in Kinds)
        {
            if (string.Equals(Of(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The tag of a reason in frames, as on the meter (<c>trimmed</c>, <c>epoch_changed</c>, …).</summary>
    public static string Of(NotRecoveredReason reason) => reason switch
    {
        NotRecoveredReason.Trimmed => "trimmed",
        NotRecoveredReason.EpochChanged => "epoch_changed",
        NotRecoveredReason.StreamMissing => "stream_missing",
        NotRecoveredReason.Rewound => "rewound",
        _ => "unavailable",
    };
}
