using System.Text.Json;

namespace LiveTemplate.Typed.Generators.Tests.Infrastructure;

/// <summary>
/// Checks JSON against the generated TypeScript declarations, as far as the update declarations use TypeScript:
/// unions, literals, arrays, <c>Record&lt;string, T&gt;</c>, type aliases and interfaces of quoted members.
/// An interface accepts an object whose every property it declares and that has every member it requires.
/// </summary>
internal sealed class DeclaredTypes
{
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, (string Type, bool Optional)>> _interfaces = new(StringComparer.Ordinal);

    public DeclaredTypes(string typeScript)
    {
        var lines = typeScript.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("export type ", StringComparison.Ordinal) && lines[i].Split(" = ", 2) is [var head, var body])
            {
                _aliases[head["export type ".Length..]] = body.TrimEnd(';');
            }
            else if (lines[i].StartsWith("export interface ", StringComparison.Ordinal) && lines[i].EndsWith(" {", StringComparison.Ordinal))
            {
                var name = lines[i]["export interface ".Length..^2];
                var members = new Dictionary<string, (string, bool)>(StringComparer.Ordinal);
                for (i++; lines[i] != "}"; i++)
                {
                    var close = lines[i].IndexOf("\"?: ", StringComparison.Ordinal);
                    var optional = close >= 0;
                    close = optional ? close : lines[i].IndexOf("\": ", StringComparison.Ordinal);
                    if (lines[i].StartsWith("  \"", StringComparison.Ordinal) && close > 0)
                    {
                        members[JsonSerializer.Deserialize<string>(lines[i][2..(close + 1)])!] = (lines[i][(close + (optional ? 4 : 3))..].TrimEnd(';'), optional);
                    }
                }

                _interfaces[name] = members;
            }
        }
    }

    /// <summary>The members of an interface: its JSON names, their TypeScript types and whether they are optional.</summary>
    public IReadOnlyDictionary<string, (string Type, bool Optional)> Interface(string name) => _interfaces[name];

    /// <summary>Why <paramref name="value"/> is not of <paramref name="type"/>, or null when it is.</summary>
    public string? Check(JsonElement value, string type, string path = "$")
    {
        var alternatives = Split(type);
        var reasons = new List<string>();
        foreach (var alternative in alternatives)
        {
            if (CheckOne(value, alternative.Trim(), path) is not { } reason)
            {
                return null;
            }

            reasons.Add(reason);
        }

        return string.Join("; ", reasons);
    }

    private string? CheckOne(JsonElement value, string type, string path)
    {
        var kind = value.ValueKind;
        switch (type)
        {
            case "unknown": return null;
            case "null": return kind == JsonValueKind.Null ? null : $"{path} is not null";
            case "number": return kind == JsonValueKind.Number ? null : $"{path} is not a number";
            case "string": return kind == JsonValueKind.String ? null : $"{path} is not a string";
            case "boolean": return kind is JsonValueKind.True or JsonValueKind.False ? null : $"{path} is not a boolean";
        }

        if (type.StartsWith('"'))
        {
            return kind == JsonValueKind.String && value.GetString() == JsonSerializer.Deserialize<string>(type) ? null : $"{path} is not {type}";
        }

        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            var element = type[..^2].Trim('(', ')');
            return kind != JsonValueKind.Array ? $"{path} is not an array"
                : value.EnumerateArray().Select((e, i) => Check(e, element, $"{path}[{i}]")).FirstOrDefault(r => r is not null);
        }

        if (type.StartsWith("Record<string, ", StringComparison.Ordinal))
        {
            var element = type["Record<string, ".Length..^1];
            return kind != JsonValueKind.Object ? $"{path} is not an object"
                : value.EnumerateObject().Select(p => Check(p.Value, element, $"{path}.{p.Name}")).FirstOrDefault(r => r is not null);
        }

        if (_aliases.TryGetValue(type, out var alias))
        {
            return Check(value, alias, path);
        }

        if (!_interfaces.TryGetValue(type, out var members))
        {
            return $"{type} is not declared";
        }

        if (kind != JsonValueKind.Object)
        {
            return $"{path} is not an object ({type})";
        }

        var present = value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        return present.Select(p => members.TryGetValue(p.Key, out var member) ? Check(p.Value, member.Type, $"{path}.{p.Key}") : $"{path}.{p.Key} is not a member of {type}")
            .Concat(members.Where(m => !m.Value.Optional && !present.ContainsKey(m.Key)).Select(m => $"{path} has no {m.Key}, which {type} requires"))
            .FirstOrDefault(r => r is not null);
    }

    private static List<string> Split(string type)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < type.Length; i++)
        {
            depth += type[i] is '(' or '<' ? 1 : type[i] is ')' or '>' ? -1 : 0;
            if (depth == 0 && string.CompareOrdinal(type, i, " | ", 0, 3) == 0)
            {
                parts.Add(type[start..i]);
                start = i + 3;
            }
        }

        parts.Add(type[start..]);
        return parts;
    }
}
