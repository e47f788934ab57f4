namespace TeamBoard;

/// <summary>An operator's announcement, for every connection on every instance.</summary>
public sealed record Announcement(string? Text); // null when the request leaves it out: refused with a 400
