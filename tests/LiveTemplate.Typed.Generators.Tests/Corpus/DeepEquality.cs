using System.Collections;
using System.Reflection;

namespace LiveTemplate.Typed.Generators.Tests.Corpus;

/// <summary>
/// Compares two values of a corpus case member by member (collections by content, which record equality does not).
/// Reflection is fine here: it runs in the test harness over the compiled corpus, never in the product.
/// </summary>
internal static class DeepEquality
{
    private const int MaxDepth = 32;

    /// <summary>Where <paramref name="expected"/> and <paramref name="actual"/> first differ, or null when they do not.</summary>
    public static string? Difference(object? expected, object? actual, IReadOnlyCollection<string> notCompared, string path = "", int depth = 0)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null ? null : $"{Show(path)}: {Describe(expected)} became {Describe(actual)}";
        }

        var type = expected.GetType();
        if (depth > MaxDepth)
        {
            return $"{Show(path)}: nested deeper than {MaxDepth}";
        }

        if (type.IsPrimitive || type.IsEnum || expected is string or decimal or Guid or DateTime or DateTimeOffset or TimeSpan or DateOnly or TimeOnly)
        {
            return expected.Equals(actual) ? null : $"{Show(path)}: {Describe(expected)} became {Describe(actual)}";
        }

        if (expected is IDictionary dictionary && actual is IDictionary other)
        {
            if (dictionary.Count != other.Count)
            {
                return $"{Show(path)}: {dictionary.Count} entries became {other.Count}";
            }

            foreach (DictionaryEntry entry in dictionary)
            {
                var key = (string)entry.Key;
                var found = other.Contains(key) ? Difference(entry.Value, other[key], notCompared, $"{path}[\"{key}\"]", depth + 1) : $"{Show(path)}: key \"{key}\" is gone";
                if (found is not null)
                {
                    return found;
                }
            }

            return null;
        }

        if (expected is IEnumerable items && actual is IEnumerable otherItems)
        {
            var left = items.Cast<object?>().ToList();
            var right = otherItems.Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                return $"{Show(path)}: {left.Count} items became {right.Count}";
            }

            return left.Select((item, i) => Difference(item, right[i], notCompared, $"{path}[{i}]", depth + 1)).FirstOrDefault(d => d is not null);
        }

        foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance))
        {
            if (notCompared.Contains(member.Name))
            {
                continue;
            }

            var (left, right) = member switch
            {
                PropertyInfo { CanRead: true } p when p.GetIndexParameters().Length == 0 => (p.GetValue(expected), p.GetValue(actual)),
                FieldInfo f => (f.GetValue(expected), f.GetValue(actual)),
                _ => (null, null),
            };
            if (Difference(left, right, notCompared, path.Length == 0 ? member.Name : path + "." + member.Name, depth + 1) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string Show(string path) => path.Length == 0 ? "the value" : path;

    private static string Describe(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
