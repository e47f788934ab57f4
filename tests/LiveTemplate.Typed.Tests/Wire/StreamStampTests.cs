using System.Text;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.Tests.Wire;

/// <summary>The stream position a transport stamps on an envelope: where it goes, and that a signature still verifies.</summary>
public sealed class StreamStampTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void An_unsigned_envelope_gets_the_position_as_its_last_fields()
    {
        var stamped = StreamStamp.Insert("""{"type":"broadcast","payload":""}"""u8, StreamStamp.TailLength(signed: false), "e1", 42);

        Assert.Equal("""{"type":"broadcast","payload":"","epoch":"e1","pos":42}""", Encoding.UTF8.GetString(stamped));
    }

    [Fact]
    public void A_signed_envelope_keeps_its_signature_last_and_still_verifies_with_the_position_before_it()
    {
        var signer = new EnvelopeSigner(Key);
        using var buffer = new PooledBufferWriter();
        System.Buffers.BuffersExtensions.Write(buffer, """{"type":"group_action","groupID":"g","action":"a","seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"i"}"""u8);
        signer.Sign("chan", buffer);
        var signed = buffer.WrittenSpan.ToArray();

        var stamped = StreamStamp.Insert(signed, StreamStamp.TailLength(signed: true), "epoch-1", 7);

        Assert.Contains(""","epoch":"epoch-1","pos":7,"sig":""", Encoding.UTF8.GetString(stamped), StringComparison.Ordinal);
        Assert.True(signer.Verify("chan", stamped));
        Assert.False(signer.Verify("other", stamped));
    }

    [Fact]
    public void A_signed_envelope_whose_content_changed_around_the_stamp_fails()
    {
        var signer = new EnvelopeSigner(Key);
        using var buffer = new PooledBufferWriter();
        System.Buffers.BuffersExtensions.Write(buffer, """{"type":"group_action","groupID":"g","action":"a","seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"i"}"""u8);
        signer.Sign("chan", buffer);
        var stamped = Encoding.UTF8.GetString(StreamStamp.Insert(buffer.WrittenSpan, StreamStamp.TailLength(signed: true), "e", 7));

        Assert.False(signer.Verify("chan", Encoding.UTF8.GetBytes(stamped.Replace("\"action\":\"a\"", "\"action\":\"b\"", StringComparison.Ordinal))));
        Assert.False(signer.Verify("chan", Encoding.UTF8.GetBytes(stamped.Replace(",\"epoch\":\"e\"", ",\"epoch\":\"e\",\"x\":1", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData("""{"a":1,"epoch":"e","pos":12""", 6)]
    [InlineData("""{"a":1""", 6)]
    [InlineData("""{"a":1,"epoch":"","pos":12""", 26)]
    [InlineData("""{"a":1,"epoch":"e","pos":""", 25)]
    public void The_unsigned_length_of_a_body_leaves_out_a_well_formed_stamp_only(string body, int expected)
        => Assert.Equal(expected, StreamStamp.LengthWithout(Encoding.UTF8.GetBytes(body)));
}
