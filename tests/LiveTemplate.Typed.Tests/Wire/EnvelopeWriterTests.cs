using System.Text;
using System.Text.Json;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.PubSub.Codec;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.Tests.Wire;

public sealed class EnvelopeWriterTests
{
    internal static readonly DateTimeOffset When = new DateTimeOffset(2026, 11, 27, 10, 15, 30, TimeSpan.Zero).AddTicks(1234567);

    [Fact]
    public void Broadcast_has_gos_field_names_types_and_order()
    {
        var json = Write(BroadcastMessage.ToGroup(new GroupId("board-42"), Encoding.UTF8.GetBytes("""{"count":7}"""), "inst-1", When, excludeConnectionId: "conn-9"));

        Assert.Equal(["type", "groupID", "excludeConnID", "payload", "timestamp", "instanceID", "scope"], Names(json));
        Assert.Equal("broadcast", json.GetProperty("type").GetString());
        Assert.Equal("eyJjb3VudCI6N30=", json.GetProperty("payload").GetString());
        Assert.Equal("2026-11-27T10:15:30.1234567Z", json.GetProperty("timestamp").GetString());
        Assert.Equal("group", json.GetProperty("scope").GetString());
    }

    [Fact]
    public void Global_broadcast_omits_empty_ids_like_gos_omitempty()
    {
        var json = Write(BroadcastMessage.ToEveryone(ReadOnlyMemory<byte>.Empty, "inst-1", When));

        Assert.Equal(["type", "payload", "timestamp", "instanceID", "scope"], Names(json));
        Assert.Equal(string.Empty, json.GetProperty("payload").GetString());
    }

    [Fact]
    public void Server_action_has_gos_field_names_types_and_order_with_data_as_an_object()
    {
        var json = Write(new ServerActionMessage(new UserId("alice"), "cart-updated", Encoding.UTF8.GetBytes("""{"items":3}"""), "inst-1", When));

        Assert.Equal(["type", "userID", "action", "data", "timestamp", "instanceID"], Names(json));
        Assert.Equal(JsonValueKind.Object, json.GetProperty("data").ValueKind);
        Assert.Equal(3, json.GetProperty("data").GetProperty("items").GetInt32());
    }

    [Fact]
    public void Group_action_has_gos_field_names_types_and_order_and_omits_empty_data()
    {
        var json = Write(new GroupActionMessage(new GroupId("board-42"), "board-cleared", default, "inst-1", When, seq: ulong.MaxValue, topic: "t"));

        Assert.Equal(["type", "groupID", "topic", "action", "seq", "timestamp", "instanceID"], Names(json));
        Assert.Equal(ulong.MaxValue, json.GetProperty("seq").GetUInt64());
    }

    [Fact]
    public void Group_action_excluding_a_sender_adds_exclude_conn_id_after_gos_fields()
    {
        var json = Write(new GroupActionMessage(new GroupId("g"), "a", default, "inst-1", When, seq: 1, excludeConnectionId: "conn-7"));

        Assert.Equal(["type", "groupID", "action", "seq", "timestamp", "instanceID", "excludeConnID"], Names(json));
        Assert.Equal("conn-7", json.GetProperty("excludeConnID").GetString());
    }

    [Fact]
    public void Topic_action_is_gos_group_action_struct_with_an_empty_group_id_always_written_and_the_topic()
    {
        var message = new TopicActionMessage(new Topic("room/42"), "NewMessage", Encoding.UTF8.GetBytes("""{"n":3}"""), "inst-1", When, seq: 17);

        var text = Encoding.UTF8.GetString(EnvelopeCodec.Encode(message));

        Assert.Equal("""{"type":"topic_action","groupID":"","topic":"room/42","action":"NewMessage","data":{"n":3},"seq":17,"timestamp":"2026-11-27T10:15:30.1234567Z","instanceID":"inst-1"}""", text);
        var back = Assert.IsType<TopicActionMessage>(EnvelopeCodec.Decode(Encoding.UTF8.GetBytes(text)).Message);
        Assert.Equal((message.Topic, message.Action, message.Seq, message.Timestamp), (back.Topic, back.Action, back.Seq, back.Timestamp));
    }

    [Fact]
    public void What_is_written_reads_back_the_same()
    {
        PubSubMessage[] messages =
        [
            BroadcastMessage.ToUser(new UserId("ünï <&> \"quoted\""), new byte[] { 0, 1, 2, 255 }, "inst-1", When),
            new ServerActionMessage(new UserId("alice"), "a<b>&c", Encoding.UTF8.GetBytes("""{"s":"é\n"}"""), "inst-2", When),
            new GroupActionMessage(new GroupId("[g]*"), "moved", Encoding.UTF8.GetBytes("{}"), "inst-3", When, seq: 42),
            new GroupActionMessage(new GroupId("g"), "moved", default, "inst-3", When, seq: 1, excludeConnectionId: "conn-1"),
        ];

        foreach (var message in messages)
        {
            var read = EnvelopeCodec.Decode(EnvelopeCodec.Encode(message));

            Assert.True(read.Success, read.Error?.ToString());
            Assert.Equal(message.GetType(), read.Message.GetType());
            Assert.Equal(message.InstanceId, read.Message.InstanceId);
            Assert.Equal(message.Timestamp, read.Message.Timestamp);
            Assert.Equal(Describe(message), Describe(read.Message));
        }
    }

    [Fact]
    public void Instance_ids_and_action_names_are_written_right_whether_they_repeat_or_alternate()
    {
        // The writer keeps a thread's last id and action encoded once they repeat: a new, an alternating or an
        // escaped value must still come out as itself, byte for byte what the general writer makes of it.
        string[] ids = ["inst-1", "inst-1", "ïnst <\"2\">", "ïnst <\"2\">", "inst-1", new string("inst-1".ToCharArray())];
        string[] actions = ["moved", "moved", "a<b>&c", "moved", "a<b>&c", "a<b>&c"];
        for (var i = 0; i < ids.Length; i++)
        {
            var message = new GroupActionMessage(new GroupId("g"), actions[i], Encoding.UTF8.GetBytes("{}"), ids[i], When, seq: (ulong)i + 1);
            var json = Write(message);

            Assert.Equal(ids[i], json.GetProperty("instanceID").GetString());
            Assert.Equal(actions[i], json.GetProperty("action").GetString());
            Assert.Contains($"\"instanceID\":{JsonSerializer.Serialize(ids[i])}", Encoding.UTF8.GetString(EnvelopeCodec.Encode(message)), StringComparison.Ordinal);
        }
    }

    internal static string Describe(PubSubMessage message) => message switch
    {
        BroadcastMessage b => $"{b.Scope}|{b.GroupId}|{b.UserId}|{b.ExcludeConnectionId}|{Convert.ToBase64String(b.Payload.Span)}",
        ServerActionMessage s => $"{s.UserId}|{s.Action}|{Encoding.UTF8.GetString(s.Data.Span)}",
        GroupActionMessage g => $"{g.GroupId}|{g.Action}|{g.Seq}|{g.Topic}|{g.ExcludeConnectionId}|{Encoding.UTF8.GetString(g.Data.Span)}",
        _ => throw new ArgumentOutOfRangeException(nameof(message)),
    };

    private static JsonElement Write(PubSubMessage message) => JsonDocument.Parse(EnvelopeCodec.Encode(message)).RootElement.Clone();

    private static List<string> Names(JsonElement json) => json.EnumerateObject().Select(p => p.Name).ToList();
}
