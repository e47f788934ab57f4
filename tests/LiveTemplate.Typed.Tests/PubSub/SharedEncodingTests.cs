using System.Text;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Tests.PubSub;

/// <summary>
/// The action a message's handlers share (decoded once per instance) is encoded once for all of them; any other value,
/// even an equal one, is the caller's to encode.
/// </summary>
public sealed class SharedEncodingTests
{
    private static readonly ReadOnlyMemory<byte> Data = Encoding.UTF8.GetBytes("""{"cardId":3}""");

    [Fact]
    public async Task The_shared_action_is_encoded_once_however_many_connections_ask_at_once()
    {
        var (message, shared) = SharedMessage();
        var encodings = 0;
        Func<Moved, byte[]> encode = action =>
        {
            Interlocked.Increment(ref encodings);
            return Encoding.UTF8.GetBytes($"frame {action.CardId}");
        };

        var frames = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() =>
        {
            Assert.True(message.TryEncodeShared(shared, encode, out var frame));
            return frame;
        })));

        Assert.Equal(1, encodings);
        Assert.All(frames, frame => Assert.Equal("frame 3", Encoding.UTF8.GetString(frame.Span)));
        Assert.All(frames, frame => Assert.True(frame.Span == frames[0].Span));
    }

    [Fact]
    public void An_equal_action_that_is_not_the_shared_instance_is_not_taken_from_the_message()
    {
        var (message, _) = SharedMessage();

        Assert.False(message.TryEncodeShared(new Moved(3), Encode, out var frame));
        Assert.True(frame.IsEmpty);
    }

    [Fact]
    public void A_message_whose_action_no_handler_shared_encodes_nothing()
    {
        var message = new GroupActionMessage(new GroupId("board"), "moved", Data, "instance-a", DateTimeOffset.UtcNow, 1);
        var encodings = 0;

        Assert.False(message.TryEncodeShared(new Moved(3), action => [(byte)++encodings], out _));
        Assert.Equal(0, encodings);
    }

    [Fact]
    public void The_bytes_of_one_encoder_are_never_handed_to_another()
    {
        var (message, shared) = SharedMessage();
        Assert.True(message.TryEncodeShared(shared, Encode, out _));

        Assert.False(message.TryEncodeShared(shared, action => [42], out var other));
        Assert.True(other.IsEmpty);
    }

    private static byte[] Encode(Moved action) => Encoding.UTF8.GetBytes($"frame {action.CardId}");

    private static (GroupActionMessage Message, Moved Shared) SharedMessage()
    {
        var message = new GroupActionMessage(new GroupId("board"), "moved", Data, "instance-a", DateTimeOffset.UtcNow, 1);
        var shared = new Moved(3);
        message.KeepDecoded(message.Data, shared);
        return (message, shared);
    }

    private sealed record Moved(int CardId);
}
