namespace LiveTemplate.Typed;

/// <summary>
/// The rules every scope id (<see cref="UserId"/>, <see cref="GroupId"/>) obeys, checked where the id is created.
/// </summary>
public static class ScopeIdRules
{
    /// <summary>The longest id accepted, in UTF-16 code units.</summary>
    public const int MaxLength = ScopeIdText.MaxLength;

    /// <summary>Checks <paramref name="value"/> against the rules and returns why it breaks one, or null when it is valid.</summary>
    /// <param name="value">The candidate id.</param>
    /// <param name="kind">The id's type name, used in the message (for example "GroupId").</param>
    public static string? Explain(string? value, string kind) => ScopeIdText.Explain(value, kind);

    internal static string Validate(string? value, string kind, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, $"{kind} must not be null.");
        }

        var problem = Explain(value, kind);
        return problem is null ? value : throw new ArgumentException(problem, paramName);
    }

    internal static GroupId Require(GroupId id, string paramName)
        => id.IsDefault ? throw new ArgumentException("default(GroupId) identifies no group; create one with new GroupId(value).", paramName) : id;

    internal static UserId Require(UserId id, string paramName)
        => id.IsDefault ? throw new ArgumentException("default(UserId) identifies no user; create one with new UserId(value).", paramName) : id;
}
