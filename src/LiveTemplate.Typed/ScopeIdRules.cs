namespace LiveTemplate.Typed;

/// <summary>
/// The rules every scope id (<see cref="UserId"/>, <see cref="GroupId"/>) obeys, checked where the id is created.
/// </summary>
public static class ScopeIdRules
{
    /// <summary>The longest id accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 256;

    /// <summary>Checks <paramref name="value"/> against the rules and returns why it breaks one, or null when it is valid.</summary>
    /// <param name="value">The candidate id.</param>
    /// <param name="kind">The id's type name, used in the message (for example "GroupId").</param>
    public static string? Explain(string? value, string kind)
    {
        if (value is null)
        {
            return $"{kind} must not be null.";
        }

        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            return $"{kind} must not be empty or whitespace.";
        }

        if (value.Length > MaxLength)
        {
            return $"{kind} must be at most {MaxLength} characters long (it has {value.Length}).";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                return $"{kind} must not contain control characters (found U+{(int)c:X4} at index {i}).";
            }

            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return $"{kind} must be well-formed UTF-16 (unpaired surrogate at index {i}).";
            }
        }

        return null;
    }

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
