using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.Generators.Tests.Fixtures;

// Presence metadata: the same JSON code as an action, and no name or scope.

[PresenceMetadata]
public sealed partial record BoardPresence(string Name, string Color, int? EditingCardId);
