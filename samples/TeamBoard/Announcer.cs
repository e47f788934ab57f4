using System.Text.Json;
using LiveTemplate.Typed;
using LiveTemplate.Typed.PubSub;
using TeamBoard.Board;

namespace TeamBoard;

/// <summary>Operator announcements: the one message of this app meant for everyone.</summary>
public sealed class Announcer(IBroadcaster broadcaster)
{
    /// <summary>Publishes <paramref name="text"/> to every connection on every instance (browsers get a <c>broadcast</c> frame).</summary>
    [AllowGlobalBroadcast("Operator announcements (maintenance, incidents) must reach every open board.")]
    public Task AnnounceAsync(string text, CancellationToken ct)
        => broadcaster.PublishGlobalAsync(JsonSerializer.SerializeToUtf8Bytes(new Announcement(text), BoardJson.Default.Announcement), ct);
}
