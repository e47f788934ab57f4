using System.Text;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.PubSub.Codec;
using LiveTemplate.Typed.Testing;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.Tests.Wire;

public sealed class EnvelopeReaderTests
{
    [Fact]
    public void Go_server_action_decodes_as_expected()
    {
        var message = Assert.IsType<ServerActionMessage>(Read("go-server-action.json"));

        Assert.Equal(new UserId("alice"), message.UserId);
        Assert.Equal("cart-updated", message.Action);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 15, 30, TimeSpan.Zero).AddTicks(1234567), message.Timestamp);
        Assert.Equal("7d9f2a4e-1b3c-4d5e-8f60-718293a4b5c6", message.InstanceId);

        // The data object is passed on verbatim (Go's HTML-safe escapes included) for the typed reader to decode.
        var data = Encoding.UTF8.GetString(message.Data.Span);
        Assert.StartsWith("{\"cartId\":\"3f2c1d9e-8b7a-4c5d-9e0f-1a2b3c4d5e6f\"", data, StringComparison.Ordinal);
        Assert.EndsWith("\"note\":\"\\u003cb\\u003efree\\u003c/b\\u003e shipping \\u0026 more\",\"total\":42.5}", data, StringComparison.Ordinal);
    }

    [Fact]
    public void Go_group_action_decodes_as_expected_with_nanosecond_timestamp()
    {
        var message = Assert.IsType<GroupActionMessage>(Read("go-group-action.json"));

        Assert.Equal(new GroupId("board-42"), message.GroupId);
        Assert.Equal("card-moved", message.Action);
        Assert.Equal(12UL, message.Seq);
        Assert.Null(message.Topic);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 15, 31, TimeSpan.Zero), message.Timestamp);
        Assert.Equal("""{"cardId":17,"column":"done","movedBy":{"id":"bob","name":"Bob"},"tags":["ux","p1"]}""", Encoding.UTF8.GetString(message.Data.Span));
    }

    [Fact]
    public void Go_group_action_from_before_seq_decodes_with_seq_zero_and_its_local_offset()
    {
        var message = Assert.IsType<GroupActionMessage>(Read("go-group-action-before-seq.json"));

        Assert.Equal((new GroupId("board-42"), "card-moved", 0UL), (message.GroupId, message.Action, message.Seq));
        Assert.Equal("""{"cardId":17}""", Encoding.UTF8.GetString(message.Data.Span));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 15, 45, 31, 250, TimeSpan.FromMinutes(345)), message.Timestamp);
        Assert.Equal(TimeSpan.FromMinutes(345), message.Timestamp.Offset);
    }

    [Fact]
    public void Go_legacy_group_action_without_data_decodes_with_empty_data_and_seq_zero()
    {
        var message = Assert.IsType<GroupActionMessage>(Read("go-group-action-legacy.json"));

        Assert.Equal("board-cleared", message.Action);
        Assert.Equal(0UL, message.Seq);
        Assert.True(message.Data.IsEmpty);
        Assert.Equal("00000000-0000-0000-0000-000000000001", message.InstanceId);
    }

    [Theory]
    [InlineData("go-broadcast-global.json", BroadcastScope.Global, null, null, """{"message":"maintenance at 22:00"}""")]
    [InlineData("go-broadcast-group.json", BroadcastScope.Group, "board-42", null, """{"count":7}""")]
    [InlineData("go-broadcast-user.json", BroadcastScope.User, null, "alice", "hello")]
    public void Go_broadcasts_decode_their_scope_and_base64_payload_ignoring_unknown_fields(string file, BroadcastScope scope, string? group, string? user, string payload)
    {
        var message = Assert.IsType<BroadcastMessage>(Read(file));

        Assert.Equal(scope, message.Scope);
        Assert.Equal(group, message.GroupId?.Value);
        Assert.Equal(user, message.UserId?.Value);
        Assert.Equal(payload, Encoding.UTF8.GetString(message.Payload.Span));
        Assert.Null(message.ExcludeConnectionId);
    }

    [Fact]
    public void Fields_in_any_order_and_duplicates_decode_like_go_last_value_wins()
    {
        var message = Assert.IsType<GroupActionMessage>(EnvelopeCodec.Decode(Utf8("""
            {"instanceID":"x","seq":1,"action":"first","data":{"a":1},"groupID":"g","type":"group_action","action":"second","timestamp":"2026-01-02T03:04:05+02:00"}
            """)).Message);

        Assert.Equal("second", message.Action);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 1, 4, 5, TimeSpan.Zero), message.Timestamp.ToUniversalTime());
    }

    [Theory]
    [InlineData("", nameof(EnvelopeErrorKind.Malformed))]
    [InlineData("null", nameof(EnvelopeErrorKind.Malformed))]
    [InlineData("[]", nameof(EnvelopeErrorKind.Malformed))]
    [InlineData("{", nameof(EnvelopeErrorKind.Malformed))]
    [InlineData("""{"type":"broadcast"} {}""", nameof(EnvelopeErrorKind.Malformed))]
    [InlineData("""{"type":"broadcast",}""", nameof(EnvelopeErrorKind.Malformed))]
    [InlineData("{}", nameof(EnvelopeErrorKind.MissingField))]
    [InlineData("""{"type":1}""", nameof(EnvelopeErrorKind.WrongFieldType))]
    [InlineData("""{"type":"topic_nudge","topic":"t","action":"a"}""", nameof(EnvelopeErrorKind.UnknownType))]
    [InlineData("""{"type":"topic_action","groupID":"","action":"a"}""", nameof(EnvelopeErrorKind.MissingField))]
    [InlineData("""{"type":"topic_action","groupID":"","topic":"room/*","action":"a"}""", nameof(EnvelopeErrorKind.InvalidValue))]
    [InlineData("""{"type":"topic_action","groupID":"g","topic":"room/1","action":"a"}""", nameof(EnvelopeErrorKind.InvalidValue))]
    [InlineData("""{"type":"topic_action","groupID":"","topic":1,"action":"a"}""", nameof(EnvelopeErrorKind.WrongFieldType))]
    [InlineData("""{"type":"server_action","action":"a"}""", nameof(EnvelopeErrorKind.MissingField))]
    [InlineData("""{"type":"server_action","userID":"u"}""", nameof(EnvelopeErrorKind.MissingField))]
    [InlineData("""{"type":"server_action","userID":"","action":"a"}""", nameof(EnvelopeErrorKind.InvalidValue))]
    [InlineData("""{"type":"server_action","userID":"u","action":"a","data":[1]}""", nameof(EnvelopeErrorKind.WrongFieldType))]
    [InlineData("""{"type":"server_action","userID":"u","action":"a","data":"{}"}""", nameof(EnvelopeErrorKind.WrongFieldType))]
    [InlineData("""{"type":"group_action","groupID":"g","action":"a","seq":-1}""", nameof(EnvelopeErrorKind.InvalidValue))]
    [InlineData("""{"type":"group_action","groupID":"g","action":"a","seq":1e400}""", nameof(EnvelopeErrorKind.InvalidValue))]
    [InlineData("""{"type":"group_action","groupID":"g","action":"a","seq":"1"}""", nameof(EnvelopeErrorKind.WrongFieldType))]
    [InlineData("""{"type":"group_action","groupID":"g","action":"a","timestamp":"yesterday"}""", nameof(EnvelopeErrorKind.InvalidValue))]
    [InlineData("""{"type":"broadcast","scope":"group","payload":""}""", nameof(EnvelopeErrorKind.MissingField))]
    [InlineData("""{"type":"broadcast","scope":"planet","payload":""}""", nameof(EnvelopeErrorKind.InvalidValue))]
    [InlineData("""{"type":"broadcast","scope":"global","payload":"not base64!"}""", nameof(EnvelopeErrorKind.InvalidValue))]
    [InlineData("""{"type":"broadcast","scope":"global","payload":{"a":1}}""", nameof(EnvelopeErrorKind.WrongFieldType))]
    public void Bad_envelopes_are_typed_failures_naming_the_problem(string json, string kind)
    {
        var result = EnvelopeCodec.Decode(Utf8(json));

        Assert.False(result.Success);
        Assert.Equal(kind, result.Error!.Kind.ToString());
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Detail));
    }

    [Fact]
    public void Deep_nesting_is_malformed_not_a_stack_overflow()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var result = EnvelopeCodec.Decode(Utf8($$"""{"type":"broadcast","extra":{{deep}},"scope":"global"}"""));

        Assert.Equal(EnvelopeErrorKind.Malformed, result.Error?.Kind);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_malformed()
    {
        var bytes = Utf8("""{"type":"server_action","userID":"XX","action":"a"}""");
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        Assert.Equal(EnvelopeErrorKind.Malformed, EnvelopeCodec.Decode(bytes).Error?.Kind);
    }

    [Fact]
    public void Random_bytes_and_mutated_vectors_never_throw()
    {
        var random = new Random(20261128);
        var vectors = WireVectors.Channels.Keys.Select(WireVectors.Bytes).ToArray();
        for (var i = 0; i < 20_000; i++)
        {
            byte[] input;
            if (i % 2 == 0)
            {
                input = new byte[random.Next(0, 64)];
                random.NextBytes(input);
            }
            else
            {
                input = (byte[])vectors[random.Next(vectors.Length)].Clone();
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    input[random.Next(input.Length)] = (byte)random.Next(256);
                }
            }

            var result = EnvelopeCodec.Decode(input);
            Assert.True(result.Success ^ result.Error is not null);
        }
    }

    private static PubSubMessage Read(string vector)
    {
        var result = EnvelopeCodec.Decode(WireVectors.Bytes(vector));
        Assert.True(result.Success, result.Error?.ToString());
        return result.Message;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
