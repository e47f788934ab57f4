using LiveTemplate.Typed.AspNetCore.Tests.Fixtures;

namespace LiveTemplate.Typed.AspNetCore.Tests;

/// <summary>What an endpoint lets browsers invoke is refused where it is configured when it could never work.</summary>
public sealed class EndpointOptionsTests
{
    [Fact]
    public void A_topic_action_cannot_be_allowed_from_the_browser_and_nothing_is_added()
    {
        var endpoint = new LiveEndpointOptions().AllowFromBrowser<Post>();

        var refused = Assert.Throws<ArgumentException>(() => endpoint.AllowFromBrowser<Note>());

        Assert.Contains("Note is a Topic action", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["post"], endpoint.BrowserActions);
    }

    [Fact]
    public void Group_and_server_actions_are_allowed_in_the_order_given()
    {
        var endpoint = new LiveEndpointOptions().AllowFromBrowser<Post>().AllowFromBrowser<Whisper>();

        Assert.Equal(["post", "whisper"], endpoint.BrowserActions);
    }
}
