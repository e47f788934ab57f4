namespace TeamBoard;

/// <summary>Who the browser is signed in as, or null.</summary>
public sealed record Me(string? Name);
