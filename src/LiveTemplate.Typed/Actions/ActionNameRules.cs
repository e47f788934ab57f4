namespace LiveTemplate.Typed.Actions;

/// <summary>The rules an action name obeys: the same as a scope id's (non-empty, bounded, no control characters).</summary>
public static class ActionNameRules
{
    /// <summary>Returns why <paramref name="action"/> is not a valid action name, or null when it is.</summary>
    public static string? Explain(string? action) => ScopeIdRules.Explain(action, "An action name");

    internal static string Validate(string? action, string paramName) => ScopeIdRules.Validate(action, "An action name", paramName);
}
