using System.Diagnostics;
using System.Text;
using LiveTemplate.Typed.PubSub;
using LiveTemplate.Typed.PubSub.Codec;
using LiveTemplate.Typed.Wire;
using LiveTemplate.Typed.Testing.Processes;

namespace LiveTemplate.Typed.Tests.Wire;

/// <summary>
/// What this library writes, read by real Go: <c>GoReader/reader.go</c> decodes each envelope with
/// encoding/json into structs shaped like livetemplate's. Needs the Go toolchain (./eng/test.sh installs
/// Debian's golang-go when it is missing).
/// </summary>
public sealed class GoReaderInteropTests
{
    [Fact]
    public async Task Every_kind_of_envelope_is_decoded_by_encoding_json_into_gos_structs()
    {
        var when = EnvelopeWriterTests.When;
        PubSubMessage[] messages =
        [
            BroadcastMessage.ToEveryone(Encoding.UTF8.GetBytes("""{"message":"maintenance at 22:00"}"""), "inst-1", when),
            BroadcastMessage.ToGroup(new GroupId("board-42"), new byte[] { 0, 255, 7 }, "inst-1", when, excludeConnectionId: "conn-9"),
            BroadcastMessage.ToUser(new UserId("ålice <admin>"), Encoding.UTF8.GetBytes("hello"), "inst-1", when),
            new ServerActionMessage(new UserId("alice"), "cart-updated", Encoding.UTF8.GetBytes("""{"total":42.5,"note":"<b>free</b> & more","items":3}"""), "inst-1", when),
            new ServerActionMessage(new UserId("alice"), "refresh", default, "inst-1", when),
            new GroupActionMessage(new GroupId("board-42"), "card-moved", Encoding.UTF8.GetBytes("""{"tags":["ux","p1"],"cardId":17}"""), "inst-1", when, seq: 18446744073709551615UL),
            Traced(new GroupActionMessage(new GroupId("board-42"), "card-moved", Encoding.UTF8.GetBytes("""{"cardId":18}"""), "inst-1", when, seq: 19, excludeConnectionId: "conn-1")),
            new TopicActionMessage(new Topic("room/42"), "NewMessage", Encoding.UTF8.GetBytes("""{"text":"hi <all> & welcome","n":3}"""), "inst-1", when, seq: 20),
            Traced(new TopicActionMessage(Topic.ForUser(new UserId("alice")), "Refresh", default, "inst-1", when, seq: 21)),
            new TopicActionMessage(new Topic("room/42"), "NewMessage", default, "go-reader-itself", when, seq: 22),
        ];
        string[] expected =
        [
            "broadcast|global||||eyJtZXNzYWdlIjoibWFpbnRlbmFuY2UgYXQgMjI6MDAifQ==|2026-11-27T10:15:30.1234567Z|inst-1",
            "broadcast|group|board-42||conn-9|AP8H|2026-11-27T10:15:30.1234567Z|inst-1",
            "broadcast|user||ålice <admin>||aGVsbG8=|2026-11-27T10:15:30.1234567Z|inst-1",
            "server_action|alice|cart-updated|{\"items\":3,\"note\":\"\\u003cb\\u003efree\\u003c/b\\u003e \\u0026 more\",\"total\":42.5}|2026-11-27T10:15:30.1234567Z|inst-1",
            "server_action|alice|refresh|-|2026-11-27T10:15:30.1234567Z|inst-1",
            "group_action|board-42|card-moved|{\"cardId\":17,\"tags\":[\"ux\",\"p1\"]}|18446744073709551615|2026-11-27T10:15:30.1234567Z|inst-1",
            "group_action|board-42|card-moved|{\"cardId\":18}|19|2026-11-27T10:15:30.1234567Z|inst-1",
            "topic_action|room/42|NewMessage|{\"n\":3,\"text\":\"hi \\u003call\\u003e \\u0026 welcome\"}|20|2026-11-27T10:15:30.1234567Z|inst-1",
            "topic_action|lvt:user:alice|Refresh|-|21|2026-11-27T10:15:30.1234567Z|inst-1",
            "OWN",
        ];
        var input = string.Join('\n', messages.Select(m => Encoding.UTF8.GetString(EnvelopeCodec.Encode(m)))) + "\n";

        var decodedByGo = await RunGoReaderAsync(input);

        Assert.Equal(expected, decodedByGo);
    }

    [Fact]
    public async Task A_signed_envelope_with_a_stream_position_is_decoded_by_go_like_the_plain_one()
    {
        var when = EnvelopeWriterTests.When;
        var signer = new EnvelopeSigner(new byte[32]);
        PubSubMessage[] messages =
        [
            new GroupActionMessage(new GroupId("board-42"), "card-moved", Encoding.UTF8.GetBytes("""{"cardId":17}"""), "inst-1", when, seq: 7),
            BroadcastMessage.ToUser(new UserId("alice"), Encoding.UTF8.GetBytes("hello"), "inst-1", when),
        ];
        var lines = messages.Select(m =>
        {
            var header = EnvelopeCodec.ToEnvelope(m);
            var signed = EnvelopeWriter.ToArray(in header, new RawEnvelopeData(EnvelopeCodec.DataOf(m)), signer, "livetemplate:any", out _);
            var stamped = StreamStamp.Insert(signed, StreamStamp.TailLength(signed: true), "3f9a1c6740a1b2c3d", 42);
            Assert.Contains(""","epoch":"3f9a1c6740a1b2c3d","pos":42,"sig":""", Encoding.UTF8.GetString(stamped), StringComparison.Ordinal);
            return Encoding.UTF8.GetString(stamped);
        });

        var decodedByGo = await RunGoReaderAsync(string.Join('\n', lines) + "\n");

        Assert.Equal(
            [
                "group_action|board-42|card-moved|{\"cardId\":17}|7|2026-11-27T10:15:30.1234567Z|inst-1",
                "broadcast|user||alice||aGVsbG8=|2026-11-27T10:15:30.1234567Z|inst-1",
            ],
            decodedByGo);
    }

    /// <summary>The message with a trace context, as a traced publish sends it (an extra field Go ignores).</summary>
    private static PubSubMessage Traced(PubSubMessage message)
    {
        message.TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        return message;
    }

    private static async Task<string[]> RunGoReaderAsync(string input)
    {
        var work = Directory.CreateTempSubdirectory("ltt-go-");
        try
        {
            var info = GoToolchain.StartInfo(GoToolchain.Go, work, "run", Path.Combine(AppContext.BaseDirectory, "GoReader", "reader.go"), "go-reader-itself");
            using var process = Process.Start(info)!;
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            Assert.True(process.ExitCode == 0, $"go run failed: {await stderr}");
            return (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
