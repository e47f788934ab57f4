namespace LiveTemplate.Typed.Benchmarks.Servers.SignalR;

/// <summary>A card moved.</summary>
public sealed record CardMoved(int CardId, string Column, string MovedBy);
