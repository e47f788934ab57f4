namespace LiveTemplate.Typed;

/// <summary>
/// The grammar of topics and topic patterns, and why a value breaks it. Behind <c>Topic</c> and <c>TopicPattern</c>,
/// and compiled into the analyzers too (which cannot load this assembly), so a literal the compiler rejects is exactly
/// a value the runtime rejects, with the same words.
/// </summary>
/// <remarks>
/// A topic is <c>/</c>-separated segments of <c>[A-Za-z0-9_-]+</c>, or one of the reserved forms
/// <c>lvt:user:{userId}</c> and <c>lvt:session:{groupId}</c> (a connection's own topics; the id follows the scope id
/// rules). A pattern has the same segments, at least one of them exactly <c>*</c>, which matches one non-empty segment.
/// </remarks>
internal static class TopicText
{
    /// <summary>The longest topic or pattern accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 512;

    /// <summary>The most segments a topic or pattern may have.</summary>
    public const int MaxSegments = 32;

    /// <summary>The reserved namespace: only a connection's own topics live there.</summary>
    public const string ReservedPrefix = "lvt:";

    /// <summary>A user's own topic starts with this, followed by the user id.</summary>
    public const string UserPrefix = "lvt:user:";

    /// <summary>A session's (group's) own topic starts with this, followed by the group id.</summary>
    public const string SessionPrefix = "lvt:session:";

    /// <summary>Why <paramref name="value"/> cannot be a topic, or null when it can.</summary>
    public static string? ExplainTopic(string? value)
    {
        if (value is null)
        {
            return "A topic must not be null.";
        }

        if (value.StartsWith(ReservedPrefix, System.StringComparison.Ordinal))
        {
            return ExplainReserved(value);
        }

        return ExplainSegments(value, "A topic", allowWildcards: false);
    }

    /// <summary>Why <paramref name="value"/> cannot be a topic pattern, or null when it can.</summary>
    public static string? ExplainPattern(string? value)
    {
        if (value is null)
        {
            return "A topic pattern must not be null.";
        }

        if (value.StartsWith(ReservedPrefix, System.StringComparison.Ordinal))
        {
            return $"A topic pattern cannot name the reserved '{ReservedPrefix}' namespace: subscribe to a connection's own topic exactly.";
        }

        if (ExplainSegments(value, "A topic pattern", allowWildcards: true) is { } problem)
        {
            return problem;
        }

        return LooksLikePattern(value)
            ? null
            : $"A topic pattern needs at least one segment that is exactly '*' ('{Shorten(value)}' has none: subscribe to it as a topic).";
    }

    /// <summary>True when <paramref name="value"/> (a valid pattern's text) has a wildcard segment.</summary>
    public static bool LooksLikePattern(string value) => value.IndexOf('*') >= 0;

    /// <summary>True when the valid pattern <paramref name="pattern"/> matches the valid topic <paramref name="topic"/>: same segment count, each segment equal or matched by <c>*</c>.</summary>
    public static bool Matches(string pattern, string topic)
    {
        if (topic.StartsWith(ReservedPrefix, System.StringComparison.Ordinal))
        {
            return false; // A connection's own topics are never matched by a pattern.
        }

        var p = 0;
        var t = 0;
        while (true)
        {
            var pEnd = pattern.IndexOf('/', p);
            var tEnd = topic.IndexOf('/', t);
            var pLength = (pEnd < 0 ? pattern.Length : pEnd) - p;
            var tLength = (tEnd < 0 ? topic.Length : tEnd) - t;
            var wildcard = pLength == 1 && pattern[p] == '*';
            if (!wildcard && (pLength != tLength || string.CompareOrdinal(pattern, p, topic, t, pLength) != 0))
            {
                return false;
            }

            if (pEnd < 0 || tEnd < 0)
            {
                return pEnd < 0 && tEnd < 0;
            }

            p = pEnd + 1;
            t = tEnd + 1;
        }
    }

    private static string? ExplainReserved(string value)
    {
        var (prefix, kind) = value.StartsWith(UserPrefix, System.StringComparison.Ordinal) ? (UserPrefix, "UserId")
            : value.StartsWith(SessionPrefix, System.StringComparison.Ordinal) ? (SessionPrefix, "GroupId")
            : (null, null);
        if (prefix is null)
        {
            return $"The '{ReservedPrefix}' namespace is reserved: only '{UserPrefix}{{userId}}' and '{SessionPrefix}{{groupId}}' are topics there (found '{Shorten(value)}').";
        }

        return ScopeIdText.Explain(value.Substring(prefix.Length), kind!) is { } problem ? $"The reserved topic '{Shorten(value)}' names no valid id: {problem}" : null;
    }

    private static string? ExplainSegments(string value, string what, bool allowWildcards)
    {
        if (value.Length == 0)
        {
            return $"{what} must not be empty.";
        }

        if (value.Length > MaxLength)
        {
            return $"{what} must be at most {MaxLength} characters long (it has {value.Length}).";
        }

        var segments = 1;
        var segmentStart = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || value[i] == '/')
            {
                if (i == segmentStart)
                {
                    return $"{what} has an empty segment at index {i} ('{Shorten(value)}'): segments are separated by single '/' and are never empty.";
                }

                if (++segments > MaxSegments + 1)
                {
                    return $"{what} must have at most {MaxSegments} segments.";
                }

                segmentStart = i + 1;
                continue;
            }

            var c = value[i];
            if (c == '*')
            {
                if (!allowWildcards)
                {
                    return $"{what} must not contain '*' (index {i}): subscribe to a TopicPattern to match several topics; a topic names exactly one.";
                }

                if (i != segmentStart || (i + 1 < value.Length && value[i + 1] != '/'))
                {
                    return $"{what} has '*' inside a segment at index {i}: '*' must be a whole segment.";
                }

                continue;
            }

            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-'))
            {
                return $"{what} may only contain ASCII letters, digits, '_' and '-' in its '/'-separated segments (found '{Printable(c)}' at index {i}).";
            }
        }

        return null;
    }

    private static string Printable(char c) => char.IsControl(c) || char.IsSurrogate(c) ? $"U+{(int)c:X4}" : c.ToString();

    private static string Shorten(string value) => value.Length <= 64 ? value : value.Substring(0, 64) + "…";
}
