using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// The identifiers declared in an action's JSON class, all claimed in one <see cref="IdentifierScope"/>: a writer and a
/// reader per object, enum and composite type, and per object a class of encoded property names with one field per
/// member. Built from user names, they cannot collide with each other or with what the class inherits.
/// </summary>
internal sealed class JsonClassNames
{
    private readonly Dictionary<TypeModel, (string Writer, string Reader)> _composites = new();
    private readonly Dictionary<string, (string Writer, string Reader)> _named = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, (string Class, Dictionary<string, string> Fields)> _properties = new(System.StringComparer.Ordinal);

    public JsonClassNames(string className, IReadOnlyList<ObjectModel> objects, IReadOnlyList<EnumModel> enums)
    {
        Scope = new IdentifierScope(IdentifierScope.ObjectMembers.Append(className));
        foreach (var name in objects.Select(o => o.Name).Concat(enums.Select(e => e.Name)))
        {
            _named[name] = (Scope.Claim("Write" + name), Scope.Claim("TryRead" + name));
        }

        Composites = CompositesOf(objects);
        WrittenComposites = WrittenCompositesOf(objects);
        foreach (var composite in Composites)
        {
            _composites[composite] = (Scope.Claim("Write" + composite.Name), Scope.Claim("TryRead" + composite.Name));
        }

        foreach (var model in objects.Where(o => o.Members.Any(m => m.Write != WriteCondition.Never)))
        {
            var properties = Scope.Claim(model.Name + "Properties");
            var fields = new IdentifierScope(IdentifierScope.ObjectMembers.Append(properties));
            _properties[model.Name] = (properties, model.Members.Where(m => m.Write != WriteCondition.Never).ToDictionary(m => m.Name, m => fields.Claim(m.Name), System.StringComparer.Ordinal));
        }
    }

    /// <summary>The class's names, which the locals of its methods must not shadow.</summary>
    public IdentifierScope Scope { get; }

    /// <summary>The collections and nullables that are elements of others, which get generated readers and writers.</summary>
    public IReadOnlyList<TypeModel> Composites { get; }

    /// <summary>The composites whose writer is called: the others get none.</summary>
    public IReadOnlyCollection<TypeModel> WrittenComposites { get; }

    /// <summary>
    /// The call that writes <paramref name="value"/> of <paramref name="type"/>: a generated writer, or the runtime's
    /// (a collection or nullable at a member is written by the runtime's helper directly, with its element's writer).
    /// </summary>
    public string WriteCall(TypeModel type, string value)
        => type.IsComposite
            ? $"ActionJsonWriter.{CompositeWriter(type.Kind)}<{type.Element!.TypeName}>(writer, {value}, {WriterOf(type.Element)})"
            : $"{WriterOf(type)}(writer, {value})";

    /// <summary>The call that reads a value of <paramref name="type"/> into <paramref name="target"/> (see <see cref="WriteCall"/>).</summary>
    public string ReadCall(TypeModel type, string target)
        => type.IsComposite
            ? $"ActionJsonReader.{CompositeReader(type.Kind)}<{type.Element!.TypeName}>(ref reader, {ReaderOf(type.Element)}, out {target}, out error)"
            : $"{ReaderOf(type)}(ref reader, out {target}, out error)";

    /// <summary>The runtime's writer of a collection or nullable of this kind.</summary>
    public static string CompositeWriter(ValueKind kind) => kind switch
    {
        ValueKind.Nullable => "WriteNullable",
        ValueKind.OrNull => "WriteOrNull",
        ValueKind.Dictionary or ValueKind.ReadOnlyDictionary => "WriteDictionary",
        _ => "WriteList",
    };

    /// <summary>The runtime's reader of a collection or nullable of this kind, which hands out the type the member declares.</summary>
    public static string CompositeReader(ValueKind kind) => kind switch
    {
        ValueKind.Nullable => "TryReadNullable",
        ValueKind.OrNull => "TryReadOrNull",
        ValueKind.Array => "TryReadArray",
        ValueKind.List => "TryReadList",
        ValueKind.ReadOnlyList => "TryReadReadOnlyList",
        ValueKind.ReadOnlyCollection => "TryReadReadOnlyCollection",
        ValueKind.Enumerable => "TryReadEnumerable",
        ValueKind.Dictionary => "TryReadDictionary",
        _ => "TryReadReadOnlyDictionary",
    };

    /// <summary>The method that writes a value of <paramref name="type"/> as a delegate: generated in the class, or the runtime's.</summary>
    public string WriterOf(TypeModel type)
        => type.IsComposite ? _composites[type].Writer : type.IsGenerated ? _named[type.Name].Writer : "ActionJsonWriter.Write" + type.Name;

    /// <summary>The method that reads a value of <paramref name="type"/> as a delegate: generated in the class, or the runtime's.</summary>
    public string ReaderOf(TypeModel type)
        => type.IsComposite ? _composites[type].Reader : type.IsGenerated ? _named[type.Name].Reader : "ActionJsonReader.TryRead" + type.Name;

    public string WriterOf(string objectOrEnum) => _named[objectOrEnum].Writer;

    public string ReaderOf(string objectOrEnum) => _named[objectOrEnum].Reader;

    /// <summary>The class of encoded property names of an object, or null when it writes no member.</summary>
    public string? PropertiesOf(ObjectModel model) => _properties.TryGetValue(model.Name, out var names) ? names.Class : null;

    /// <summary>The field that holds the encoded JSON name of <paramref name="member"/> (as <c>Class.Field</c>).</summary>
    public string PropertyOf(ObjectModel model, MemberModel member)
    {
        var (properties, fields) = _properties[model.Name];
        return properties + "." + Literals.Identifier(fields[member.Name]);
    }

    /// <summary>
    /// The collections and nullables inside other ones (<c>List&lt;int?&gt;</c> has <c>int?</c>), ordered by name: each
    /// gets a generated reader (and writer), passed as a delegate to the helper of the outer one.
    /// </summary>
    private static List<TypeModel> CompositesOf(IEnumerable<ObjectModel> objects)
    {
        var found = new HashSet<TypeModel>();
        foreach (var member in objects.SelectMany(o => o.Members))
        {
            for (var type = member.Type.Element; type is { IsComposite: true }; type = type.Element)
            {
                found.Add(type);
            }
        }

        return found.OrderBy(t => t.Name, System.StringComparer.Ordinal).ThenBy(t => t.TypeName, System.StringComparer.Ordinal).ToList();
    }

    /// <summary>The nested composites some written member holds, whose writer is needed.</summary>
    private static HashSet<TypeModel> WrittenCompositesOf(IEnumerable<ObjectModel> objects)
    {
        var written = new HashSet<TypeModel>();
        foreach (var member in objects.SelectMany(o => o.Members).Where(m => m.Write != WriteCondition.Never))
        {
            for (var type = member.Type.Element; type is { IsComposite: true }; type = type.Element)
            {
                written.Add(type);
            }
        }

        return written;
    }
}
