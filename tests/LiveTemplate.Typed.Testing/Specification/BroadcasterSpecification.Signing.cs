using LiveTemplate.Typed.PubSub;
using Xunit;

namespace LiveTemplate.Typed.Testing.Specification;

public abstract partial class BroadcasterSpecification
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public async Task With_a_signing_key_signed_messages_flow_and_unsigned_or_foreignly_signed_ones_are_dropped_and_counted()
    {
        var a = await Harness.StartInstanceAsync(o => o.SigningKey = Key);
        var b = await Harness.StartInstanceAsync(o => o.SigningKey = Key);
        var intruder = await Harness.StartInstanceAsync(o => o.SigningKey = [.. Key.Reverse()]);
        var unsignedPeer = await Harness.StartInstanceAsync();
        var vault = await b.ConnectAsync("vault");
        var channel = Names.GroupAction(new GroupId("vault"));

        await a.Broadcaster.PublishGroupActionAsync(new GroupId("vault"), "signed", default);
        Assert.Equal("signed", AsGroupAction(await vault.Outbound.NextAsync()).Action);

        await Harness.PublishRawAsync(channel, Utf8("""{"type":"group_action","groupID":"vault","action":"injected","seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"x"}"""));
        await Harness.PublishRawAsync(channel, Utf8("""{"type":"group_action","groupID":"vault","action":"forged","seq":1,"timestamp":"2026-11-27T10:15:31Z","instanceID":"x","sig":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="}"""));
        await intruder.Broadcaster.PublishGroupActionAsync(new GroupId("vault"), "wrong-key", default);
        await unsignedPeer.Broadcaster.PublishGroupActionAsync(new GroupId("vault"), "no-key", default);
        await BarrierAsync(a, "vault", vault);

        Assert.Equal(4, b.Broadcaster.GetStatistics().DroppedFor(DropReason.BadSignature));
        Assert.Contains(b.Log.Entries, e => e.Message.Contains("bad_signature", StringComparison.Ordinal) && (string?)e.Fields["channel"] == channel);
    }
}
