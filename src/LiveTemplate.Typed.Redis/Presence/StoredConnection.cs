using System.Globalization;
using System.Text;
using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.Redis.Presence;

/// <summary>A connection's value in its scope's hash: <c>owner, member, user, since, updated, metadata</c>, tab-separated.</summary>
internal static class StoredConnection
{
    public static PresenceConnection? Read(string connectionId, byte[] value)
    {
        var text = Encoding.UTF8.GetString(value);
        var parts = text.Split('\t', 6);
        if (parts.Length != 6 || !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var since)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var updated))
        {
            return null;
        }

        return new PresenceConnection
        {
            ConnectionId = connectionId,
            InstanceId = parts[0],
            MemberKey = parts[1],
            UserId = UserId.TryCreate(parts[2], out var user) ? user : null,
            Since = DateTimeOffset.FromUnixTimeMilliseconds(since),
            Updated = DateTimeOffset.FromUnixTimeMilliseconds(updated),
            Metadata = Encoding.UTF8.GetBytes(parts[5]),
        };
    }

    public static string Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
