using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.AspNetCore.Tests.Fixtures;

/// <summary>What a test browser says about itself on a board: its name and the card it edits.</summary>
[PresenceMetadata]
public sealed partial record TestPresence(string Name, int? EditingCardId);
