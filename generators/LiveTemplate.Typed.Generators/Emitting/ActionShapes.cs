using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Model;

namespace LiveTemplate.Typed.Generators.Emitting;

/// <summary>
/// The objects and enums the actions' declarations name, compared with what System.Text.Json writes for an update:
/// an update may use an action's interface only when every member, nested object and enum comes out identical.
/// </summary>
internal sealed class ActionShapes
{
    private readonly IReadOnlyDictionary<string, (ObjectModel Object, ActionModel Owner)> _objects;
    private readonly IReadOnlyDictionary<string, EnumModel> _enums;

    public ActionShapes(IReadOnlyDictionary<string, (ObjectModel Object, ActionModel Owner)> objects, IReadOnlyDictionary<string, EnumModel> enums)
    {
        _objects = objects;
        _enums = enums;
    }

    public bool HasObject(string typeName) => _objects.ContainsKey(typeName);

    public bool HasEnum(string typeName) => _enums.ContainsKey(typeName);

    /// <summary>True when the update's enum has the names the action's declaration gives it.</summary>
    public bool SameEnum(WrittenEnum written)
        => _enums.TryGetValue(written.TypeName, out var action)
           && new HashSet<string>(written.Names, System.StringComparer.Ordinal).SetEquals(TypeScriptEmitter.NamesOf(action));

    /// <summary>True when the update's object, and everything it references, is written as the action's declaration says.</summary>
    public bool SameObject(WrittenObject written, IReadOnlyDictionary<string, WrittenObject> updateObjects, IReadOnlyDictionary<string, WrittenEnum> updateEnums)
        => new Comparison(this, updateObjects, updateEnums).Same(written);

    private sealed class Comparison
    {
        private readonly ActionShapes _actions;
        private readonly IReadOnlyDictionary<string, WrittenObject> _written;
        private readonly IReadOnlyDictionary<string, WrittenEnum> _writtenEnums;

        // The pairs assumed equal while their members are compared: a type that refers to itself is equal when the rest is.
        private readonly HashSet<string> _assumed = new(System.StringComparer.Ordinal);

        public Comparison(ActionShapes actions, IReadOnlyDictionary<string, WrittenObject> written, IReadOnlyDictionary<string, WrittenEnum> writtenEnums)
        {
            _actions = actions;
            _written = written;
            _writtenEnums = writtenEnums;
        }

        public bool Same(WrittenObject written)
        {
            if (!_actions._objects.TryGetValue(written.TypeName, out var action))
            {
                return false;
            }

            if (!_assumed.Add(written.Key))
            {
                return true;
            }

            var declared = action.Object.Members.Where(TypeScriptEmitter.IsDeclared).ToList();
            return declared.Count == written.Members.Count && written.Members.All(member =>
                declared.FirstOrDefault(m => m.JsonName == member.JsonName) is { } match
                && TypeScriptEmitter.IsOptional(match) == member.Optional
                && SameType(member.Type, match.Type, action.Owner));
        }

        private bool SameType(WrittenType written, TypeModel type, ActionModel owner) => type.Kind switch
        {
            ValueKind.Boolean => written.Kind == WrittenKind.Boolean,
            >= ValueKind.Byte and <= ValueKind.Decimal => written.Kind == WrittenKind.Number,
            >= ValueKind.Char and <= ValueKind.Bytes => written.Kind == WrittenKind.String,
            ValueKind.Enum => owner.Enums.FirstOrDefault(e => e.Name == type.Name) is { ByNumber: false } byName
                ? written.Kind == WrittenKind.Enum && _writtenEnums.TryGetValue(written.Reference!, out var nameEnum) && nameEnum.TypeName == byName.TypeName && _actions.SameEnum(nameEnum)
                : written.Kind == WrittenKind.Number,
            ValueKind.Object => written.Kind == WrittenKind.Object && _written.TryGetValue(written.Reference!, out var nested) && nested.TypeName == type.TypeName && Same(nested),
            ValueKind.Nullable or ValueKind.OrNull => written.Kind == WrittenKind.OrNull && SameType(written.Element!, type.Element!, owner),
            ValueKind.Dictionary or ValueKind.ReadOnlyDictionary => written.Kind == WrittenKind.Record && SameType(written.Element!, type.Element!, owner),
            _ => written.Kind == WrittenKind.Array && SameType(written.Element!, type.Element!, owner),
        };
    }
}
