using LiveTemplate.Typed.PubSub;
using Xunit;

namespace LiveTemplate.Typed.Testing.Specification;

public abstract partial class BroadcasterSpecification
{
    /// <summary>Envelopes valid in every way but one byte that is not UTF-8, in each place such a byte can hide.</summary>
    public static TheoryData<string> InvalidUtf8Places => new() { "inside data", "inside an unknown field", "in a field name inside data", "inside the action name" };

    [Theory]
    [MemberData(nameof(InvalidUtf8Places))]
    public async Task An_envelope_that_is_not_valid_utf8_anywhere_is_dropped_as_malformed_and_the_next_message_arrives(string place)
    {
        var (a, b) = await TwoInstancesAsync();
        var victim = await b.ConnectAsync("utf8");
        var envelope = WithBadByte(place switch
        {
            // § marks where the bytes that are not UTF-8 go.
            "inside data" => """{"type":"group_action","groupID":"utf8","action":"a","data":{"text":"§"},"seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"other"}""",
            "inside an unknown field" => """{"type":"group_action","groupID":"utf8","action":"a","note":"§","seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"other"}""",
            "in a field name inside data" => """{"type":"group_action","groupID":"utf8","action":"a","data":{"§":1},"seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"other"}""",
            _ => """{"type":"group_action","groupID":"utf8","action":"a§","seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"other"}""",
        });

        await Harness.PublishRawAsync(Names.GroupAction(new GroupId("utf8")), envelope);
        await a.Broadcaster.PublishGroupActionAsync(new GroupId("utf8"), "after", Utf8("""{"ok":true}"""));

        Assert.Equal("after", AsGroupAction(await victim.Outbound.NextAsync()).Action);
        Assert.Equal(1, b.Broadcaster.GetStatistics().DroppedFor(DropReason.Malformed));
    }

    /// <summary>The envelope with its § replaced by a lead byte followed by a byte that cannot continue it.</summary>
    private static byte[] WithBadByte(string envelope)
    {
        var at = envelope.IndexOf('§', StringComparison.Ordinal);
        return [.. Utf8(envelope[..at]), 0xC3, 0x28, .. Utf8(envelope[(at + 1)..])];
    }
}
