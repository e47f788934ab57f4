using LiveTemplate.Typed;

namespace LiveTemplate.Typed.AspNetCore.Tests.Fixtures;

/// <summary>From the browser: post a text to the group (the handler echoes it and broadcasts <see cref="Posted"/> to the rest).</summary>
[GroupAction]
public sealed partial record Post(string Text);

/// <summary>To the group: someone posted a text.</summary>
[GroupAction]
public sealed partial record Posted(string Text, string From);

/// <summary>From the browser: takes <see cref="DelayMs"/> to run, then reports its sequence number (ordering tests).</summary>
[GroupAction]
public sealed partial record Slow(int Seq, int DelayMs);

/// <summary>From the browser: the handler throws.</summary>
[GroupAction]
public sealed partial record Explode;

/// <summary>To one user: a personal notification.</summary>
[ServerAction]
public sealed partial record Notify(string Text);

/// <summary>From the browser, allowed as a server action: runs for the connection's own user.</summary>
[ServerAction]
public sealed partial record Whisper(string Text);

/// <summary>A server-only action the handler knows but browsers may not invoke.</summary>
[ServerAction]
public sealed partial record GrantAdmin(string Reason);

/// <summary>From the browser: the handler subscribes its connection to the topic (a handler subscription, outside the browser's policy).</summary>
[GroupAction]
public sealed partial record Follow(string Topic);

/// <summary>A topic action: the handler of a connection that subscribed to its topic sends it back as <see cref="Posted"/>.</summary>
[TopicAction("note")]
public sealed partial record Note(string Text);

/// <summary>From the browser: the handler publishes it as a <see cref="BoardNote"/>, a templated topic action (no topic string).</summary>
[GroupAction]
public sealed partial record Announce(string Board, string Text);

/// <summary>A topic action whose topic comes from its own member: <c>feed/{Board}</c>.</summary>
[TopicAction("board-note", Topic = "feed/{Board}")]
public sealed partial record BoardNote(string Board, string Text);

/// <summary>From the browser: the handler sends <c>Json</c> as an update frame, or says why it was refused.</summary>
[GroupAction]
public sealed partial record SendUpdate(string Json);

/// <summary>From the browser: the handler answers <see cref="Posted"/>, closes the connection with the reason, and answers once more.</summary>
[GroupAction]
public sealed partial record Leave(string Reason);

/// <summary>From the browser: the handler waits until its action's cancellation token is cancelled (the connection closes), then says so.</summary>
[GroupAction]
public sealed partial record Hang;

/// <summary>From the browser: the handler lists a presence scope (the user <c>User</c>'s when set, else the group <c>Group</c>) through its connection's policy, and answers how many members it has or that the policy refused.</summary>
[GroupAction]
public sealed partial record ListScope(string? Group, string? User);
