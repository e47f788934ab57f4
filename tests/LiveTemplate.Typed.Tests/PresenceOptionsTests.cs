using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.Tests;

/// <summary>The bounds of docs/presence.md's configuration table, on both sides of each edge, each error naming its setting.</summary>
public sealed class PresenceOptionsTests
{
    [Fact]
    public void The_defaults_are_the_documented_ones_and_valid()
    {
        var options = new PresenceOptions();

        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), 1024, PresenceEvents.PerUser), (options.HeartbeatInterval, options.Timeout, options.MaxMetadataBytes, options.Events));
        Assert.Empty(options.GetErrors());
    }

    [Fact]
    public void Each_bound_is_accepted_and_one_step_past_it_is_refused_naming_the_setting()
    {
        Assert.Empty(new PresenceOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromMilliseconds(20), MaxMetadataBytes = 2 }.GetErrors());
        Assert.Empty(new PresenceOptions { MaxMetadataBytes = 65_536 }.GetErrors());

        Assert.StartsWith("Presence.HeartbeatInterval must be at least 10 ms", Assert.Single(new PresenceOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(9), Timeout = TimeSpan.FromSeconds(1) }.GetErrors()), StringComparison.Ordinal);
        Assert.StartsWith("Presence.Timeout must be at least twice HeartbeatInterval", Assert.Single(new PresenceOptions { Timeout = TimeSpan.FromMilliseconds(1999) }.GetErrors()), StringComparison.Ordinal);
        Assert.Equal("Presence.MaxMetadataBytes must be from 2 to 65536 (was 65537).", Assert.Single(new PresenceOptions { MaxMetadataBytes = 65_537 }.GetErrors()));
        Assert.Equal("Presence.MaxMetadataBytes must be from 2 to 65536 (was 1).", Assert.Single(new PresenceOptions { MaxMetadataBytes = 1 }.GetErrors()));
        Assert.StartsWith("Presence.Events must be PerUser or PerConnection", Assert.Single(new PresenceOptions { Events = (PresenceEvents)7 }.GetErrors()), StringComparison.Ordinal);
    }
}
