using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// Gives every C# type of the browser declarations one TypeScript name: its simple name, or, when two types share it,
/// its full name with '_' for the dots; a name still taken (<c>A.B_C</c> and <c>A_B.C</c>) gets a number. Assigned in
/// ordinal order of the full names, so the output is deterministic.
/// </summary>
internal sealed class TypeScriptNames
{
    private readonly Dictionary<string, string> _names = new(System.StringComparer.Ordinal);

    public TypeScriptNames(IEnumerable<string> fullTypeNames)
    {
        var all = fullTypeNames.Distinct(System.StringComparer.Ordinal).OrderBy(n => n, System.StringComparer.Ordinal).ToList();
        var bySimple = all.GroupBy(Simple, System.StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), System.StringComparer.Ordinal);
        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var name in all)
        {
            var given = bySimple[Simple(name)] == 1 ? Simple(name) : Sanitize(Unglobal(name));
            var unique = given;
            for (var i = 2; !taken.Add(unique); i++)
            {
                unique = given + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            _names[name] = unique;
        }
    }

    /// <summary>The TypeScript name of a C# type the constructor was given.</summary>
    public string this[string fullTypeName] => _names[fullTypeName];

    public bool Contains(string fullTypeName) => _names.ContainsKey(fullTypeName);

    private static string Unglobal(string name) => name.StartsWith("global::", System.StringComparison.Ordinal) ? name.Substring(8) : name;

    private static string Simple(string fullTypeName)
    {
        var name = Unglobal(fullTypeName);
        var depth = 0;
        var start = 0;
        for (var i = 0; i < name.Length; i++)
        {
            depth += name[i] == '<' ? 1 : name[i] == '>' ? -1 : 0;
            if (name[i] == '.' && depth == 0)
            {
                start = i + 1;
            }
        }

        return Sanitize(name.Substring(start));
    }

    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        return text.ToString().TrimEnd('_');
    }
}
