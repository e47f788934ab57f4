using System.Text;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.PubSub.Codec;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.Tests.Wire;

/// <summary>The broadcaster's reader: its echo is recognised after the envelope is checked, and repeated strings are reused.</summary>
public sealed class EnvelopeReadContextTests
{
    private const string Own = "own-instance";

    [Fact]
    public void Own_valid_envelope_is_an_echo_without_a_message()
    {
        var result = EnvelopeCodec.Decode(GroupAction("board", "card-moved", Own), new EnvelopeReadContext(Own), "board");

        Assert.True(result.IsEcho);
        Assert.Null(result.Message);
        Assert.Null(result.Error);
    }

    [Fact]
    public void Own_instance_id_on_an_invalid_envelope_is_still_an_error_not_an_echo()
    {
        var envelope = Encoding.UTF8.GetBytes($$"""{"type":"group_action","action":"card-moved","instanceID":"{{Own}}"}""");

        var result = EnvelopeCodec.Decode(envelope, new EnvelopeReadContext(Own), "board");

        Assert.False(result.IsEcho);
        Assert.Equal(EnvelopeErrorKind.MissingField, result.Error?.Kind);
    }

    [Fact]
    public void Repeated_strings_are_reused_and_scope_id_comes_from_the_channel()
    {
        var context = new EnvelopeReadContext(Own);
        var scopeId = new string("board".AsSpan());

        var first = (GroupActionMessage)EnvelopeCodec.Decode(GroupAction("board", "card-moved", "other"), context, scopeId).Message!;
        var second = (GroupActionMessage)EnvelopeCodec.Decode(GroupAction("board", "card-moved", "other"), context, scopeId).Message!;

        Assert.Same(scopeId, first.GroupId.Value);
        Assert.Same(first.Action, second.Action);
        Assert.Same(first.InstanceId, second.InstanceId);
        Assert.Equal("other", second.InstanceId);
    }

    [Fact]
    public void A_scope_id_other_than_the_channels_is_validated_as_usual()
    {
        var result = EnvelopeCodec.Decode(GroupAction("bad\u0001id", "card-moved", "other"), new EnvelopeReadContext(Own), "board");

        Assert.Equal(EnvelopeErrorKind.InvalidValue, result.Error?.Kind);
    }

    private static byte[] GroupAction(string group, string action, string instance)
        => EnvelopeCodec.Encode(new GroupActionMessage(new GroupId("placeholder"), action, "{}"u8.ToArray(), instance, DateTimeOffset.UnixEpoch))
            is var bytes ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("placeholder", System.Text.Json.JsonEncodedText.Encode(group).ToString(), StringComparison.Ordinal)) : [];
}
