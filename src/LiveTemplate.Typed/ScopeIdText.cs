namespace LiveTemplate.Typed;

/// <summary>
/// The text of the scope id rules: why a value cannot be a <c>GroupId</c>/<c>UserId</c>. Behind
/// <c>ScopeIdRules.Explain</c>, and compiled into the analyzers too (which cannot load this assembly), so a
/// constant the compiler rejects is exactly a value the runtime rejects, with the same words.
/// </summary>
internal static class ScopeIdText
{
    /// <summary>The longest id accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 256;

    /// <summary>Why <paramref name="value"/> breaks a rule of scope ids, or null when it is valid.</summary>
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
}
