namespace LiveTemplate.Typed.Analyzers;

/// <summary>
/// The runtime's <c>ScopeIdRules.Explain</c>, for constants the compiler sees. A copy, because an analyzer cannot load
/// the runtime (net8.0, the analyzer netstandard2.0); a test runs both on the same inputs and requires equal answers.
/// </summary>
internal static class ScopeIdText
{
    /// <summary>The longest id accepted, in UTF-16 code units (the runtime's <c>ScopeIdRules.MaxLength</c>).</summary>
    public const int MaxLength = 256;

    /// <summary>Why <paramref name="value"/> breaks a rule of scope ids, or null when it is valid; the same text as the runtime's.</summary>
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
