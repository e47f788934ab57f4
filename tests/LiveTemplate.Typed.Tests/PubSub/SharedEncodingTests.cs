using System.Text;
using LiveTemplate.Typed.PubSub;

namespace LiveTemplate.Typed.Tests.PubSub;

/// <summary>
/// The action a message's handlers share (decoded once per instance) is encoded once for all of them; any other value,
/// even an equal one, is the caller's to encode. A frame made of the message itself is made once per encoder too.
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

    [Fact]
    public async Task The_message_s_own_frame_is_encoded_once_however_many_connections_ask_at_once()
    {
        var message = new TopicActionMessage(new Topic("news/main"), "headline", Data, "instance-a", DateTimeOffset.UtcNow, 7);
        var encodings = 0;
        Func<PubSubMessage, byte[]> encode = m =>
        {
            Interlocked.Increment(ref encodings);
            return Encoding.UTF8.GetBytes("topic " + ((TopicActionMessage)m).Topic.Value);
        };

        var frames = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => message.EncodeOnce(encode))));

        Assert.Equal(1, encodings);
        Assert.All(frames, frame => Assert.Equal("topic news/main", Encoding.UTF8.GetString(frame.Span)));
        Assert.All(frames, frame => Assert.True(frame.Span == frames[0].Span));
    }

    [Fact]
    public void Another_encoder_of_the_message_gets_bytes_of_its_own_each_time()
    {
        var message = new TopicActionMessage(new Topic("news/main"), "headline", Data, "instance-a", DateTimeOffset.UtcNow, 7);
        var others = 0;
        message.EncodeOnce(_ => [1]);

        var first = message.EncodeOnce(_ => [(byte)(2 + others++)]);
        var second = message.EncodeOnce(_ => [(byte)(2 + others++)]);

        Assert.Equal((2, (byte)2, (byte)3), (others, first.Span[0], second.Span[0]));
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
