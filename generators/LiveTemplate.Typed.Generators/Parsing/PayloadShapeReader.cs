using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LiveTemplate.Typed.Generators.Diagnostics;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Turns an action type and the types its members use into value-equatable models, or lists why it cannot. One
/// instance reads one action; the nested objects and enums it meets are collected once each. This file reads objects
/// and their members; <c>PayloadShapeReader.Types.cs</c> classifies member types.
/// </summary>
internal sealed partial class PayloadShapeReader
{
    private static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat;

    private readonly PayloadContext _context;
    private readonly Dictionary<ITypeSymbol, string> _objectNames = new(SymbolEqualityComparer.Default);
    private readonly List<ObjectModel> _objectOrder = new();
    private readonly HashSet<string> _usedNames = new(System.StringComparer.Ordinal);
    private readonly List<ShapeProblem> _problems = new();
    private readonly UsageScanner _usage = new();
    private readonly SortedSet<string> _nonPublicMemberOwners = new(System.StringComparer.Ordinal);

    // The member whose type is being read, for problems, and the nearest place in source on the way to it.
    private ISymbol? _member;
    private INamedTypeSymbol? _owner;
    private Location? _anchor;

    public PayloadShapeReader(PayloadContext context) => _context = context;

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<ShapeProblem> Problems => _problems;

    /// <summary>The nested objects met, in order of first use.</summary>
    public IReadOnlyList<ObjectModel> Objects => _objectOrder;

    /// <summary>The enums met, in order of first use.</summary>
    public IReadOnlyList<EnumModel> Enums => _enumOrder;

    /// <summary>The diagnostic ids of the experimental and obsolete things the generated code uses.</summary>
    public IReadOnlyCollection<string> SuppressedIds => _usage.SuppressedIds;

    /// <summary>
    /// The types met (the action's and nested ones) with a data member that is not public, or whose accessor generated
    /// code uses is not: another assembly's compiler does not see it (internal members are not loaded), ordered.
    /// </summary>
    public IReadOnlyCollection<string> NonPublicMemberOwners => _nonPublicMemberOwners;

    /// <summary>Reads the action's own shape; null when it (or anything it uses) is not supported.</summary>
    public ObjectModel? ReadAction(INamedTypeSymbol action)
    {
        _usedNames.Add(action.Name);
        _objectNames[action] = action.Name;
        _anchor = DataMembers.LocationOf(action);
        var root = ReadObject(action, action.Name, out var whyNot);
        if (root is null && whyNot is not null)
        {
            _problems.Add(new ShapeProblem(DiagnosticDescriptors.NoUsableConstructor, _anchor, [action.Name, whyNot]));
        }

        return _problems.Count == 0 ? root : null;
    }

    private ObjectModel? ReadObject(INamedTypeSymbol type, string name, out string? whyNoConstructor)
    {
        var unsupported = JsonAttributes.UnsupportedOnType(type, _context.Known, out var rejectsUnknown);
        foreach (var (attribute, reason) in unsupported)
        {
            _problems.Add(new ShapeProblem(DiagnosticDescriptors.UnsupportedAttribute, JsonNames.LocationOf(attribute, type), [DataMembers.ShortName(attribute), type.Name, reason]));
        }

        var members = DataMembers.Of(type, _context, _problems);
        var (constructor, bound, whyNot) = ConstructorChooser.Choose(type, members, _context);
        whyNoConstructor = whyNot;
        if (constructor is null)
        {
            return null;
        }

        _usage.ScanType(type, _anchor, _problems);
        _usage.ScanMember(constructor, _anchor, _problems);
        var setsRequired = constructor.GetAttributes().Any(a => a.AttributeClass is { Name: "SetsRequiredMembersAttribute" });
        var models = new List<MemberModel>();
        for (var i = 0; i < bound.Length; i++)
        {
            Add(models, ReadMember(type, bound[i], MemberBinding.ConstructorParameter, constructor.Parameters[i], setsRequired));
        }

        foreach (var member in members.Where(m => !bound.Contains(m)))
        {
            if (BindingOf(type, member) is { } binding)
            {
                Add(models, ReadMember(type, member, binding, null, setsRequired));
            }
        }

        CheckRequiredMembersAreData(type, members, setsRequired);
        CheckJsonNamesAreDistinct(type, models, members);
        return new ObjectModel(type.ToDisplayString(FullyQualified), name, type.IsValueType, new EquatableArray<MemberModel>(models), rejectsUnknown);
    }

    /// <summary>How a member outside the constructor gets its value, or null when it is no part of the data.</summary>
    private MemberBinding? BindingOf(INamedTypeSymbol owner, DataMember member)
    {
        if (member.Json.Ignore is not null && member.Json.IgnoreCondition == 1)
        {
            // Never written, never read: it keeps what the type gives it, which a required member cannot.
            if (member.IsRequiredMember || member.Json.IsRequired)
            {
                Conflict(owner, member, "it is required", "remove the [JsonIgnore] or the requirement");
            }

            return null;
        }

        if (member.CanSet)
        {
            return MemberBinding.Initializer;
        }

        if (member.SetterHidden)
        {
            _problems.Add(new ShapeProblem(DiagnosticDescriptors.UnsupportedAttribute, DataMembers.LocationOf(member.Symbol), ["JsonInclude", $"{owner.Name}.{member.Name}", "generated code cannot set it, because its setter is private or protected; make the setter public or internal, or pass the member to the constructor"]));
            return null;
        }

        // A get-only property outside the constructor is computed or fixed by the type: written only when [JsonInclude].
        return member.Json.IsIncluded ? MemberBinding.None : null;
    }

    private MemberModel? ReadMember(INamedTypeSymbol owner, DataMember member, MemberBinding binding, IParameterSymbol? parameter, bool setsRequired)
    {
        var (outerMember, outerOwner, outerAnchor) = (_member, _owner, _anchor);
        (_member, _owner, _anchor) = (member.Symbol, owner, DataMembers.LocationOf(member.Symbol) ?? _anchor);
        try
        {
            // A member with an attribute that cannot be honoured is reported for it, not for its type as well.
            var type = member.Json.Unsupported.Count > 0 ? null : Classify(member.Type, member.Annotation, EnumModeOf(member));
            if (type is null)
            {
                return null;
            }

            var json = member.Json;
            var jsonName = json.Name is { } given ? JsonNames.Given(given, member.Symbol, owner, "JsonPropertyName", _problems) : null;
            var write = WriteConditionOf(owner, member, type);
            var isRead = binding != MemberBinding.None && write != WriteCondition.Never;
            var (absent, defaultValue) = AbsentValueOf(owner, member, parameter, type, write);
            _usage.ScanMember(member.Symbol, _anchor, _problems);
            _usage.ScanMember((member.Symbol as IPropertySymbol)?.GetMethod, _anchor, _problems);
            if (binding == MemberBinding.Initializer)
            {
                _usage.ScanMember((member.Symbol as IPropertySymbol)?.SetMethod, _anchor, _problems);
            }

            if (!IsPublic(member.Symbol, binding))
            {
                _nonPublicMemberOwners.Add(owner.ToDisplayString(FullyQualified));
            }

            return new MemberModel(
                member.Name,
                jsonName ?? ActionNaming.CamelCase(member.Name),
                type,
                binding,
                member.IsRequiredMember && !setsRequired,
                absent,
                defaultValue,
                write,
                isRead,
                json.Order);
        }
        finally
        {
            (_member, _owner, _anchor) = (outerMember, outerOwner, outerAnchor);
        }
    }

    private WriteCondition WriteConditionOf(INamedTypeSymbol owner, DataMember member, TypeModel type)
    {
        if (member.Json.Ignore is not { } ignore)
        {
            return WriteCondition.Always;
        }

        switch (member.Json.IgnoreCondition)
        {
            case 1:
                return WriteCondition.Never;
            case 2:
                return WriteCondition.WhenNotDefault;
            case 3 when member.Type.IsValueType && type.Kind != ValueKind.Nullable:
                _problems.Add(new ShapeProblem(DiagnosticDescriptors.UnsupportedAttribute, JsonNames.LocationOf(ignore, member.Symbol), [
                    "JsonIgnore(Condition = WhenWritingNull)", $"{owner.Name}.{member.Name}",
                    $"a {member.Type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)} is never null (System.Text.Json rejects it too); use WhenWritingDefault"]));
                return WriteCondition.Always;
            case 3:
                return WriteCondition.WhenNotNull;
            case 0:
                return WriteCondition.Always;
            default:
                // WhenWriting (4), WhenReading (5), or a condition a later .NET adds: never silently written both ways.
                var (condition, direction) = member.Json.IgnoreCondition switch
                {
                    4 => ("WhenWriting", "read but never written"),
                    5 => ("WhenReading", "written but never read"),
                    var other => (other.ToString(System.Globalization.CultureInfo.InvariantCulture), "left out one way only"),
                };
                _problems.Add(new ShapeProblem(DiagnosticDescriptors.UnsupportedAttribute, JsonNames.LocationOf(ignore, member.Symbol), [
                    $"JsonIgnore(Condition = {condition})", $"{owner.Name}.{member.Name}",
                    $"typed actions read what they write, so a member {direction} would not round-trip; use [JsonIgnore] to keep it out of the JSON"]));
                return WriteCondition.Always;
        }
    }

    /// <summary>What reading does when the data leaves the member out, and the conflicts of <c>[JsonIgnore]</c> with what reading needs.</summary>
    private (AbsentValue Absent, ConstantModel DefaultValue) AbsentValueOf(INamedTypeSymbol owner, DataMember member, IParameterSymbol? parameter, TypeModel type, WriteCondition write)
    {
        var isRequired = member.IsRequiredMember || member.Json.IsRequired;
        var leftOut = write is WriteCondition.WhenNotNull or WriteCondition.WhenNotDefault;
        if (isRequired)
        {
            if (write == WriteCondition.Never || leftOut)
            {
                Conflict(owner, member, write == WriteCondition.Never ? "it is required" : "it is required, and the writer leaves it out", "remove the [JsonIgnore] or the requirement");
            }

            return (AbsentValue.Required, ConstantModel.Default);
        }

        if (leftOut)
        {
            // What the writer left out was null or the default: read it back as that.
            return (AbsentValue.Default, ConstantModel.Default);
        }

        if (parameter is null)
        {
            return (AbsentValue.Keep, ConstantModel.Default);
        }

        if (parameter.HasExplicitDefaultValue)
        {
            return (AbsentValue.Default, ConstantReader.DefaultOf(parameter));
        }

        if (type.Kind is ValueKind.Nullable or ValueKind.OrNull)
        {
            return (AbsentValue.Default, ConstantModel.Default);
        }

        if (write == WriteCondition.Never)
        {
            Conflict(owner, member, "the constructor needs it (its parameter has no default value and does not accept null)", $"give the parameter a default value ({parameter.Name} = ...) or remove the [JsonIgnore]");
        }

        return (AbsentValue.Required, ConstantModel.Default);
    }

    private void Conflict(INamedTypeSymbol owner, DataMember member, string why, string fix)
    {
        var ignore = member.Json.Ignore;
        var marked = ignore is null ? "left out of the JSON" : member.Json.IgnoreCondition switch
        {
            2 => "[JsonIgnore(Condition = WhenWritingDefault)]",
            3 => "[JsonIgnore(Condition = WhenWritingNull)]",
            _ => "[JsonIgnore]",
        };
        var location = ignore is null ? DataMembers.LocationOf(member.Symbol) : JsonNames.LocationOf(ignore, member.Symbol);
        _problems.Add(new ShapeProblem(DiagnosticDescriptors.IgnoredMemberIsNeeded, location ?? _anchor, [member.Name, owner.Name, marked, why, fix]));
    }

    /// <summary>Every C# <c>required</c> member must be set by the object initializer, so one that is not data cannot be.</summary>
    private void CheckRequiredMembersAreData(INamedTypeSymbol owner, List<DataMember> members, bool setsRequired)
    {
        for (var current = owner; current is not null && !setsRequired; current = current.BaseType)
        {
            foreach (var symbol in current.GetMembers().Where(s => s is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }))
            {
                if (members.All(m => m.Name != symbol.Name))
                {
                    var type = (symbol as IPropertySymbol)?.Type ?? ((IFieldSymbol)symbol).Type;
                    Conflict(owner, new DataMember(symbol, type, NullableAnnotation.None, new JsonAttributes(), false, false, true), "it is required and not public", "make it public or add [JsonInclude]");
                }
            }
        }
    }

    private void CheckJsonNamesAreDistinct(INamedTypeSymbol owner, List<MemberModel> models, List<DataMember> members)
    {
        var taken = new Dictionary<string, MemberModel>(System.StringComparer.Ordinal);
        foreach (var model in models.Where(m => m.IsRead || m.Write != WriteCondition.Never))
        {
            if (taken.TryGetValue(model.JsonName, out var first))
            {
                var symbol = members.First(m => m.Name == model.Name).Symbol;
                _problems.Add(new ShapeProblem(DiagnosticDescriptors.DuplicateJsonName, DataMembers.LocationOf(symbol) ?? _anchor, [first.Name, model.Name, owner.Name, model.JsonName, "JsonPropertyName"]));
                continue;
            }

            taken.Add(model.JsonName, model);
        }
    }

    private static bool IsPublic(ISymbol member, MemberBinding binding)
        => member.DeclaredAccessibility == Accessibility.Public && member switch
        {
            IPropertySymbol property => property.GetMethod?.DeclaredAccessibility == Accessibility.Public
                && (binding != MemberBinding.Initializer || property.SetMethod?.DeclaredAccessibility == Accessibility.Public),
            _ => true,
        };

    private static void Add(List<MemberModel> models, MemberModel? model)
    {
        if (model is not null)
        {
            models.Add(model);
        }
    }

    private string UniqueName(INamedTypeSymbol type, string suffix = "")
    {
        var baseName = UniqueNameOf(type) + suffix;
        var name = baseName;
        for (var i = 2; !_usedNames.Add(name); i++)
        {
            name = baseName + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static string UniqueNameOf(INamedTypeSymbol type)
    {
        var name = type.ContainingType is { } outer ? UniqueNameOf(outer) + type.Name : type.Name;
        foreach (var argument in type.TypeArguments)
        {
            name += "Of" + (argument is INamedTypeSymbol n ? UniqueNameOf(n) : "Item");
        }

        return name;
    }
}
