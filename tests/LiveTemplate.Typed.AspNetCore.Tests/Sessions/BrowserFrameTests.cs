using System.Text;
using LiveTemplate.Typed.AspNetCore.Sessions;

namespace LiveTemplate.Typed.AspNetCore.Tests.Sessions;

/// <summary>The browser frame reader: what it accepts, and that it never throws for what it refuses.</summary>
public sealed class BrowserFrameTests
{
    [Theory]
    [InlineData("""{"action":"move-card","data":{"cardId":17,"column":"done"}}""", "move-card", """{"cardId":17,"column":"done"}""")]
    [InlineData("""{"data":{"a":[1,{"b":2}]},"action":"x"}""", "x", """{"a":[1,{"b":2}]}""")]
    [InlineData("""{"action":"ping"}""", "ping", "")]
    [InlineData("""{"action":"ping","data":null}""", "ping", "")]
    [InlineData(""" {"action":"ping","ref":{"ignored":[1,2]},"v":1} """, "ping", "")]
    [InlineData("""{"action":"ping","name":5,"name":{"a":1}}""", "ping", "")] // a topic frame's member, ignored on an action frame
    public void A_well_formed_frame_gives_its_action_and_a_copy_of_its_data(string json, string action, string data)
    {
        Assert.True(BrowserFrame.TryParse(Encoding.UTF8.GetBytes(json), out var frame, out var error), error);

        Assert.Equal(action, frame.Action);
        Assert.Equal(data, Encoding.UTF8.GetString(frame.Data.Span));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("\"move-card\"")]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"action":17}""")]
    [InlineData("""{"action":"a","action":"b"}""")]
    [InlineData("""{"action":"a","data":[1]}""")]
    [InlineData("""{"action":"a","data":"x"}""")]
    [InlineData("""{"action":"a","data":{},"data":{}}""")]
    [InlineData("""{"action":"a"} {"action":"b"}""")]
    [InlineData("""{"action":"a","data":{""")]
    [InlineData("""{"action":"bell\u0007"}""")]
    [InlineData("""{"action":""}""")]
    public void A_malformed_frame_is_refused_with_a_reason(string json)
    {
        Assert.False(BrowserFrame.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Theory]
    [InlineData("""{"topic":"subscribe","name":"room/42"}""", "subscribe", "room/42")]
    [InlineData("""{"name":"room/*","topic":"unsubscribe"}""", "unsubscribe", "room/*")]
    [InlineData("""{"topic":"subscribe"}""", "subscribe", null)]
    public void A_topic_frame_gives_its_operation_and_name_unchecked_here(string json, string op, string? name)
    {
        Assert.True(BrowserFrame.TryParse(Encoding.UTF8.GetBytes(json), out var frame, out var error), error);

        Assert.Equal((op, name), (frame.Topic, frame.Name));
    }

    [Theory]
    [InlineData("""{"topic":"subscribe","name":42}""", "\"name\" must appear once")]
    [InlineData("""{"topic":"subscribe","name":"a","name":"b"}""", "\"name\" must appear once")]
    [InlineData("""{"topic":["subscribe"],"name":"a"}""", "\"topic\" must appear once")]
    [InlineData("""{"topic":"subscribe","action":"post","name":"a"}""", "not several")]
    [InlineData("""{"topic":"subscribe","presence":"list"}""", "not several")]
    [InlineData("""{"action":"post","presence":"list"}""", "not several")]
    public void A_frame_with_a_bad_topic_member_or_two_kinds_is_refused_saying_why(string json, string reason)
    {
        Assert.False(BrowserFrame.TryParse(Encoding.UTF8.GetBytes(json), out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Nesting_deeper_than_the_reader_allows_is_refused_not_thrown()
    {
        var deep = """{"action":"a","data":""" + string.Concat(Enumerable.Repeat("""{"x":""", 100)) + "1" + new string('}', 101);

        Assert.False(BrowserFrame.TryParse(Encoding.UTF8.GetBytes(deep), out _, out _));
    }

    [Fact]
    public void Invalid_utf8_is_refused_not_thrown()
    {
        byte[] bytes = [.. """{"action":" """u8.ToArray()[..11], 0xC3, 0x28, .. "\"}"u8.ToArray()];

        Assert.False(BrowserFrame.TryParse(bytes, out _, out _));
    }
}
