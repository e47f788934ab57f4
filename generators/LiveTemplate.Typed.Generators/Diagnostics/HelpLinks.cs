namespace LiveTemplate.Typed.Generators.Diagnostics;

/// <summary>
/// Where every LiveTemplate.Typed diagnostic's help page lives. The one base address of the LTT1xxx (generator)
/// and LTT0xxx (analyzers) pages: the analyzers project compiles this file too.
/// </summary>
internal static class HelpLinks
{
    /// <summary>The address of a diagnostic's page; <c>{0}</c> is the id.</summary>
    public const string Format = "https://github.com/livetemplate/livetemplate-typed/blob/main/docs/diagnostics/{0}.md";

    /// <summary>The page of the diagnostic <paramref name="id"/>, for example <c>.../docs/diagnostics/LTT0001.md</c>.</summary>
    public static string For(string id) => string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, id);
}
