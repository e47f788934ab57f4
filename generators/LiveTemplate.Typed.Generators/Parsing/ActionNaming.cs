using System.Text;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>The naming rules of typed actions, shared by the generator and the analyzer.</summary>
internal static class ActionNaming
{
    /// <summary>The longest action name accepted (the runtime's scope id limit).</summary>
    public const int MaxLength = 256;

    /// <summary>
    /// The default action name of a type: its words in lower case joined by '-' (CartUpdated is "cart-updated",
    /// HTMLParser is "html-parser", Step2Done is "step2-done", Card_Moved is "card-moved").
    /// </summary>
    public static string DefaultActionName(string typeName)
    {
        var name = new StringBuilder(typeName.Length + 4);
        for (var i = 0; i < typeName.Length; i++)
        {
            var c = typeName[i];
            if (c == '_')
            {
                AppendSeparator(name);
                continue;
            }

            if (char.IsUpper(c))
            {
                var previous = i > 0 ? typeName[i - 1] : '\0';
                var startsWord = char.IsLower(previous) || char.IsDigit(previous)
                    || (char.IsUpper(previous) && i + 1 < typeName.Length && char.IsLower(typeName[i + 1]));
                if (startsWord)
                {
                    AppendSeparator(name);
                }

                name.Append(char.ToLowerInvariant(c));
                continue;
            }

            name.Append(c);
        }

        return name.ToString().TrimEnd('-');
    }

    /// <summary>
    /// The camelCase JSON name of a member: the leading capitals in lower case, except the last of several
    /// when a lower-case letter follows (CartId is "cartId", ID is "id", URLValue is "urlValue").
    /// </summary>
    public static string CamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length && char.IsUpper(chars[i]); i++)
        {
            var nextIsLower = i + 1 < chars.Length && !char.IsUpper(chars[i + 1]);
            if (i > 0 && nextIsLower)
            {
                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    /// <summary>Why <paramref name="name"/> cannot be an action name, or null when it can.</summary>
    public static string? Explain(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return "it is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsControl(c))
            {
                return $"it contains the control character U+{(int)c:X4}";
            }

            if (char.IsWhiteSpace(c))
            {
                return "it contains whitespace";
            }

            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return "it contains an unpaired surrogate";
            }
        }

        return null;
    }

    private static void AppendSeparator(StringBuilder name)
    {
        if (name.Length > 0 && name[name.Length - 1] != '-')
        {
            name.Append('-');
        }
    }
}
