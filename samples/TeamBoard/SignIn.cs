namespace TeamBoard;

/// <summary>The sign-in form: the name to appear as (the demo has no passwords).</summary>
public sealed record SignIn(string? Name); // null when the form leaves it out: refused with a 400
