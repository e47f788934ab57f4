using LiveTemplate.Typed;
using LiveTemplate.Typed.Presence;

namespace LiveTemplate.Typed.ClientHost;

/// <summary>From the browser: say something to the room.</summary>
[GroupAction]
public sealed partial record Say(string Text, IReadOnlyList<string> Tags);

/// <summary>To every connection of the room: something was said, by which connection, as which number of the room.</summary>
[GroupAction]
public sealed partial record Said(string Text, IReadOnlyList<string> Tags, string By);

/// <summary>From the browser: answered with <see cref="Times"/> <see cref="Said"/> frames at once (at most 50), to this connection only.</summary>
[GroupAction]
public sealed partial record Repeat(string Text, int Times);

/// <summary>From the browser: a handler that throws (the handler-failed error frame).</summary>
[GroupAction]
public sealed partial record Fail(string Why);

/// <summary>A connection's presence in the room.</summary>
[PresenceMetadata]
public sealed partial record Seat(string Name, int? Row);

/// <summary>From the browser: publish news to a room's topic.</summary>
[GroupAction]
public sealed partial record Announce(string Room, string Text);

/// <summary>A topic action: the news of one room, on the topic news/{room}.</summary>
[TopicAction("news", Topic = "news/{Room}")]
public sealed partial record News(string Room, string Text);
