using System.Collections.Generic;
using System.Linq;
using System.Text;
using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// The TypeScript of the updates the server sends (<c>ServerUpdates</c>) and of the objects and enums their data uses.
/// A type an action uses too keeps the action's interface when System.Text.Json writes it identically; otherwise it gets
/// an interface of its own (<c>Card_Update</c>), as does each further way two contexts write one type.
/// </summary>
internal sealed class UpdateDeclarations
{
    private const string Variant = "`Update";

    private readonly IReadOnlyList<UpdateSend> _updates;
    private readonly SortedDictionary<string, WrittenObject> _objects = new(System.StringComparer.Ordinal);
    private readonly SortedDictionary<string, WrittenEnum> _enums = new(System.StringComparer.Ordinal);

    // The name of each object key and enum type among the TypeScript names: an action's type, or a name of its own.
    private readonly Dictionary<string, string> _nameKeys = new(System.StringComparer.Ordinal);
    private readonly List<string> _ownNames = new();

    public UpdateDeclarations(IReadOnlyList<UpdateSend> updates, ActionShapes actions)
    {
        _updates = updates;
        foreach (var update in updates)
        {
            foreach (var item in update.Objects.Where(o => !_objects.ContainsKey(o.Key)))
            {
                _objects[item.Key] = item;
            }

            foreach (var item in update.Enums)
            {
                _enums[item.TypeName] = item;
            }
        }

        var variants = new Dictionary<string, int>(System.StringComparer.Ordinal);
        foreach (var item in _enums.Values)
        {
            Assign(item.TypeName, item.TypeName, actions.HasEnum(item.TypeName) && actions.SameEnum(item), actions, variants);
        }

        foreach (var item in _objects.Values)
        {
            Assign(item.Key, item.TypeName, actions.HasObject(item.TypeName) && actions.SameObject(item, _objects, _enums), actions, variants);
        }
    }

    /// <summary>The names to give TypeScript names besides the actions' types.</summary>
    public IEnumerable<string> OwnNames => _ownNames;

    public void WriteTypes(StringBuilder text, TypeScriptNames names)
    {
        foreach (var item in _enums.Values.Where(e => _ownNames.Contains(_nameKeys[e.TypeName])))
        {
            var members = item.Names.Distinct(System.StringComparer.Ordinal).Select(TypeScriptEmitter.Literal).Append("number");
            text.Append("\n/** `").Append(TypeScriptEmitter.Unglobal(item.TypeName)).Append("` as System.Text.Json writes it in an update: by name; a value without a name is its number. */\n");
            text.Append("export type ").Append(names[_nameKeys[item.TypeName]]).Append(" = ").Append(string.Join(" | ", members)).Append(";\n");
        }

        foreach (var item in _objects.Values.Where(o => _ownNames.Contains(_nameKeys[o.Key])))
        {
            text.Append("\n/** `").Append(TypeScriptEmitter.Unglobal(item.TypeName)).Append("` as System.Text.Json writes it in an update. */\n");
            text.Append("export interface ").Append(names[_nameKeys[item.Key]]).Append(" {\n");
            foreach (var member in item.Members)
            {
                text.Append("  ").Append(TypeScriptEmitter.Literal(member.JsonName)).Append(member.Optional ? "?: " : ": ").Append(TypeOf(member.Type, names)).Append(";\n");
            }

            text.Append("}\n");
        }
    }

    public void WriteMap(StringBuilder text, TypeScriptNames names)
    {
        text.Append("\n/** The updates the server sends a browser (`LiveConnection.SendAsync(name, …)`), by name: their data as System.Text.Json writes it (`unknown` where that cannot be known). */\n");
        text.Append("export interface ServerUpdates {\n");
        foreach (var byName in _updates.Where(u => u.Name is not null).GroupBy(u => u.Name!, System.StringComparer.Ordinal).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            var types = byName.Select(u => TypeOf(u.Value, names)).Distinct(System.StringComparer.Ordinal).OrderBy(t => t, System.StringComparer.Ordinal).ToList();
            text.Append("  ").Append(TypeScriptEmitter.Literal(byName.Key)).Append(": ").Append(types.Contains("unknown") ? "unknown" : string.Join(" | ", types)).Append(";\n");
        }

        if (_updates.Any(u => u.Name is null))
        {
            text.Append("  [name: string]: unknown;\n");
        }

        text.Append("}\n");
    }

    private void Assign(string key, string typeName, bool shared, ActionShapes actions, Dictionary<string, int> variants)
    {
        if (shared)
        {
            _nameKeys[key] = typeName;
            return;
        }

        // The first way a type is written takes its name unless an action's declaration has it; the others are variants.
        var plain = !variants.TryGetValue(typeName, out var suffixed) && !actions.HasObject(typeName) && !actions.HasEnum(typeName);
        variants[typeName] = plain ? 0 : suffixed + 1;
        var name = plain ? typeName
            : typeName + Variant + (suffixed == 0 ? string.Empty : (suffixed + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _nameKeys[key] = name;
        _ownNames.Add(name);
    }

    private string TypeOf(WrittenType type, TypeScriptNames names) => type.Kind switch
    {
        WrittenKind.Boolean => "boolean",
        WrittenKind.Number => "number",
        WrittenKind.NumberOrString => "number | string",
        WrittenKind.String => "string",
        WrittenKind.Object or WrittenKind.Enum => names[_nameKeys[type.Reference!]],
        WrittenKind.OrNull => TypeOf(type.Element!, names) + " | null",
        WrittenKind.Array => TypeScriptEmitter.ArrayOf(TypeOf(type.Element!, names)),
        WrittenKind.Record => "Record<string, " + TypeOf(type.Element!, names) + ">",
        _ => "unknown",
    };
}
