namespace LiveTemplate.Typed.Testing.Specification;

/// <summary>A typed group action with a list and a nested record, as the specification publishes it.</summary>
[GroupAction("spec-card-moved")]
public sealed partial record SpecCardMoved(int CardId, string Column, IReadOnlyList<string> Tags, SpecPerson MovedBy);

/// <summary>A nested record of <see cref="SpecCardMoved"/>.</summary>
public sealed partial record SpecPerson(string Id, string Name);

/// <summary>A typed server action with a number JSON cannot always carry.</summary>
[ServerAction("spec-score")]
public sealed partial record SpecScore(string Player, double Points);

/// <summary>A group action kept out of history: live only, even where group actions keep history.</summary>
[GroupAction("spec-cursor", Recoverable = false)]
public sealed partial record SpecCursor(int X, int Y);

/// <summary>A server action kept out of history.</summary>
[ServerAction("spec-typing", Recoverable = false)]
public sealed partial record SpecTyping(string Who);

/// <summary>A typed topic action shaped like Go's <c>NewMessage</c> vector (go-topic-action.json).</summary>
[TopicAction("NewMessage")]
public sealed partial record SpecNewMessage(string From, int N, string Text);

/// <summary>A topic action whose topic is a template of its own member: publishing it needs no topic.</summary>
[TopicAction("spec-room-note", Topic = "room/{RoomId}")]
public sealed partial record SpecRoomNote(string RoomId, string Text);
