namespace LiveTemplate.Typed.Benchmarks.WebSockets;

/// <summary>The SignalR server's card move, as its client reads it.</summary>
public sealed record BenchCardMoved(int CardId, string Column, string MovedBy);
