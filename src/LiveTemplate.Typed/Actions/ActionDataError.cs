using System.Globalization;
using System.Text.Json;

namespace LiveTemplate.Typed.Actions;

/// <summary>
/// Why an action's JSON data could not be decoded, and where: <see cref="Path"/> names the member
/// (<c>movedBy.name</c>, <c>tags[1]</c>), <see cref="Reason"/> says what was wrong with it.
/// </summary>
public sealed class ActionDataError
{
    private ActionDataError(string path, string reason)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The member the error is about, from the data's root object; empty for the data as a whole.</summary>
    public string Path { get; }

    /// <summary>What was wrong, for example "is required but missing" or "must be a string (found a number)".</summary>
    public string Reason { get; }

    /// <summary>The error as one sentence, naming the member.</summary>
    public string Message => Path.Length == 0 ? $"The data {Reason}." : $"Member '{Path}' {Reason}.";

    /// <summary>An error about the value being read, before its member is known.</summary>
    public static ActionDataError Invalid(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return new ActionDataError(string.Empty, reason);
    }

    /// <summary>The value being read has the wrong JSON type.</summary>
    /// <param name="expected">What was expected, with its article: "a string", "an object".</param>
    /// <param name="found">The token actually found.</param>
    public static ActionDataError WrongType(string expected, JsonTokenType found)
        => Invalid($"must be {expected} (found {Describe(found)})");

    /// <summary>A required member is absent from the object.</summary>
    public static ActionDataError Missing(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new ActionDataError(member, "is required but missing");
    }

    /// <summary>The same error, seen from the object that holds <paramref name="member"/>.</summary>
    public ActionDataError AtMember(string member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new ActionDataError(Path.Length == 0 ? member : Path[0] == '[' ? member + Path : member + "." + Path, Reason);
    }

    /// <summary>The same error, seen from the array that holds the value at <paramref name="index"/>.</summary>
    public ActionDataError AtIndex(int index)
        => new("[" + index.ToString(CultureInfo.InvariantCulture) + "]" + Dot(Path), Reason);

    /// <summary>The same error, seen from the dictionary that holds the value under <paramref name="key"/>.</summary>
    public ActionDataError AtKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ActionDataError("[\"" + key + "\"]" + Dot(Path), Reason);
    }

    /// <inheritdoc />
    public override string ToString() => Message;

    private static string Dot(string path) => path.Length == 0 || path[0] == '[' ? path : "." + path;

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
