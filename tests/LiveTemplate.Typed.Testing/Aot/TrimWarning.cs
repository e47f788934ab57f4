namespace LiveTemplate.Typed.Testing.Aot;

/// <summary>One trim or AOT analysis warning: its code, where it is (a source position, or the tool), and its text, which begins with the member it is in.</summary>
public sealed record TrimWarning(string Code, string Origin, string Text)
{
    /// <summary>
    /// True when the warning is in LiveTemplate.Typed's code: the libraries, or the proof app with the code our
    /// generator wrote into it (every namespace of ours starts with <c>LiveTemplate.Typed</c>).
    /// </summary>
    public bool IsOurs => Origin.Contains("LiveTemplate.Typed", StringComparison.Ordinal) || Text.Contains("LiveTemplate.Typed", StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Origin} {Code}: {Text}";
}
