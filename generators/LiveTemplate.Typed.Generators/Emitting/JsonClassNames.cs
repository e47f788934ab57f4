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

    /// <summary>Every collection and nullable type the objects use, inner ones included, ordered by name.</summary>
    public IReadOnlyList<TypeModel> Composites { get; }

    /// <summary>The composites whose writer is called: the others get none.</summary>
    public IReadOnlyCollection<TypeModel> WrittenComposites { get; }

    /// <summary>The method that writes a value of <paramref name="type"/>: generated in the class, or the runtime's.</summary>
    public string WriterOf(TypeModel type)
        => type.IsComposite ? _composites[type].Writer : type.IsGenerated ? _named[type.Name].Writer : "ActionJsonWriter.Write" + type.Name;

    /// <summary>The method that reads a value of <paramref name="type"/>: generated in the class, or the runtime's.</summary>
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

    private static List<TypeModel> CompositesOf(IEnumerable<ObjectModel> objects)
    {
        var found = new HashSet<TypeModel>();
        foreach (var member in objects.SelectMany(o => o.Members))
        {
            for (var type = member.Type; type is { IsComposite: true }; type = type.Element)
            {
                found.Add(type);
            }
        }

        return found.OrderBy(t => t.Name, System.StringComparer.Ordinal).ThenBy(t => t.TypeName, System.StringComparer.Ordinal).ToList();
    }

    /// <summary>The composites whose writer some member or other composite calls (a nullable string member is written with one call, without it).</summary>
    private static HashSet<TypeModel> WrittenCompositesOf(IEnumerable<ObjectModel> objects)
    {
        var written = new HashSet<TypeModel>();
        foreach (var member in objects.SelectMany(o => o.Members).Where(m => m.Write != WriteCondition.Never && ObjectWriterEmitter.NameAndValueWriterOf(m.Type) is null))
        {
            for (var type = member.Type; type is { IsComposite: true }; type = type.Element)
            {
                written.Add(type);
            }
        }

        return written;
    }
}
