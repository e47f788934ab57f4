using System.Text;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.PubSub.Codec;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.Tests.Wire;

public sealed class EnvelopeSignerTests
{
    private const string Channel = "livetemplate:groupaction:group:vault";
    private static readonly EnvelopeSigner Signer = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public void A_signed_envelope_verifies_and_still_reads_as_the_same_message()
    {
        var signed = Sign(Channel);

        Assert.True(Signer.Verify(Channel, signed));
        var read = EnvelopeCodec.Decode(signed);
        Assert.Equal("moved", Assert.IsType<GroupActionMessage>(read.Message).Action);
        Assert.EndsWith("\"}", Encoding.UTF8.GetString(signed), StringComparison.Ordinal);
        Assert.Contains(",\"sig\":\"", Encoding.UTF8.GetString(signed), StringComparison.Ordinal);
    }

    [Fact]
    public void A_signed_envelope_replayed_into_another_channel_does_not_verify()
        => Assert.False(Signer.Verify("livetemplate:groupaction:group:other", Sign(Channel)));

    [Fact]
    public void Any_changed_byte_breaks_the_signature()
    {
        var signed = Sign(Channel);
        for (var i = 0; i < signed.Length; i++)
        {
            var tampered = (byte[])signed.Clone();
            tampered[i] ^= 0x01;
            Assert.False(Signer.Verify(Channel, tampered), $"flipping byte {i} went unnoticed");
        }
    }

    [Fact]
    public void Another_key_does_not_verify()
        => Assert.False(new EnvelopeSigner(new byte[32]).Verify(Channel, Sign(Channel)));

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"type":"group_action","sig":"short"}""")]
    public void Unsigned_or_malformed_input_does_not_verify(string envelope)
        => Assert.False(Signer.Verify(Channel, Encoding.UTF8.GetBytes(envelope)));

    [Fact]
    public void Short_keys_are_rejected()
        => Assert.Throws<ArgumentException>(() => new BroadcasterOptions { SigningKey = new byte[8] }.Validate());

    private static byte[] Sign(string channel)
    {
        using var buffer = new PooledBufferWriter();
        EnvelopeCodec.Write(buffer, new GroupActionMessage(new GroupId("vault"), "moved", Encoding.UTF8.GetBytes("""{"to":"done"}"""), "inst", DateTimeOffset.UnixEpoch, 7));
        Signer.Sign(channel, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
