using System.Collections.Generic;
using System.Linq;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Reads the JSON System.Text.Json writes for a type with one context's <see cref="SerializerOptions"/>, for the
/// TypeScript of an update (docs/browser-client.md#updates). What it cannot model is <see cref="WrittenType.Unknown"/>,
/// never a guess. This file reads objects and their members; <c>WrittenShapeReader.Types.cs</c> classifies types.
/// </summary>
internal sealed partial class WrittenShapeReader
{
    private const int IgnoreAlways = 1, IgnoreWhenWritingDefault = 2, IgnoreWhenWritingNull = 3, IgnoreWhenWriting = 4;

    private readonly SerializerSymbols _symbols;
    private readonly SerializerOptions _options;
    private readonly Dictionary<ITypeSymbol, string> _objectKeys = new(SymbolEqualityComparer.Default);
    private readonly List<WrittenObject> _objects = new();
    private readonly Dictionary<string, WrittenEnum> _enums = new(System.StringComparer.Ordinal);
    private readonly List<WrittenEnum> _enumOrder = new();

    public WrittenShapeReader(SerializerSymbols symbols, SerializerOptions options)
    {
        _symbols = symbols;
        _options = options;
    }

    public IReadOnlyList<WrittenObject> Objects => _objects;

    public IReadOnlyList<WrittenEnum> Enums => _enumOrder;

    /// <summary>What the context writes for a value of <paramref name="type"/> (null when <paramref name="mayBeNull"/>).</summary>
    public WrittenType Read(ITypeSymbol type, bool mayBeNull)
        => _options.Unreadable is null ? TypeOf(type, mayBeNull, _options.NumberHandling, converter: null) : WrittenType.Unknown;

    private string? ObjectKeyOf(INamedTypeSymbol type)
    {
        if (_objectKeys.TryGetValue(type, out var known))
        {
            return known;
        }

        var members = DataMembersOf(type);
        if (members.Any(m => m.GetAttributes().Any(a => KnownSymbols.Is(a.AttributeClass, _symbols.ExtensionData))))
        {
            // Its extension data spreads other properties beside the members.
            return null;
        }

        var typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var key = typeName + " " + _options.Signature;
        _objectKeys[type] = key;
        var written = new List<WrittenMember>();
        foreach (var member in members)
        {
            if (MemberOf(type, member) is { } model)
            {
                written.Add(model);
            }
        }

        _objects.Add(new WrittenObject(key, typeName, new EquatableArray<WrittenMember>(written)));
        return key;
    }

    /// <summary>The properties and fields System.Text.Json considers, derived ones first; a derived member hides a base one of its name.</summary>
    private List<ISymbol> DataMembersOf(INamedTypeSymbol type)
    {
        var members = new List<ISymbol>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var symbol in current.GetMembers())
            {
                if (!symbol.IsStatic && !symbol.IsImplicitlyDeclared && symbol is IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsConst: false } && seen.Add(symbol.Name))
                {
                    members.Add(symbol);
                }
            }
        }

        return members;
    }

    private WrittenMember? MemberOf(INamedTypeSymbol owner, ISymbol symbol)
    {
        var json = JsonAttributes.Of(symbol, _symbols.Known);
        var (type, annotation, isReadOnly, getter) = symbol switch
        {
            IPropertySymbol p => (p.Type, p.NullableAnnotation, p.SetMethod is not { DeclaredAccessibility: Accessibility.Public }, (ISymbol?)p.GetMethod),
            IFieldSymbol f => (f.Type, f.NullableAnnotation, f.IsReadOnly, f),
            _ => default,
        };
        var isPublic = symbol.DeclaredAccessibility == Accessibility.Public && getter?.DeclaredAccessibility == Accessibility.Public;
        var included = json.IsIncluded
            ? getter is { DeclaredAccessibility: not Accessibility.Private }
            : isPublic && (symbol is IPropertySymbol || _options.IncludeFields);
        var ignoredReadOnly = isReadOnly && !json.IsIncluded && (symbol is IPropertySymbol ? _options.IgnoreReadOnlyProperties : _options.IgnoreReadOnlyFields);
        if (!included || ignoredReadOnly || (json.Ignore is not null && json.IgnoreCondition is IgnoreAlways or IgnoreWhenWriting))
        {
            return null;
        }

        var mayBeNull = !type.IsValueType && annotation != NullableAnnotation.NotAnnotated;
        // The member's own number handling, else its type's (the one read, or the base that declares it: either may apply), else the options'.
        var typeHandling = NumberHandlingOf(owner) is { } ownerFlags ? ownerFlags | (NumberHandlingOf(symbol.ContainingType) ?? 0) : NumberHandlingOf(symbol.ContainingType);
        var written = TypeOf(type, mayBeNull, NumberHandlingOf(symbol) ?? typeHandling ?? _options.NumberHandling, json.Converter);
        var condition = json.Ignore is not null ? json.IgnoreCondition : _options.DefaultIgnoreCondition;
        var optional = condition == IgnoreWhenWritingDefault
            || (condition == IgnoreWhenWritingNull && (!type.IsValueType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T));
        var name = json.Name?.ConstructorArguments.FirstOrDefault().Value as string ?? JsonNamingPolicies.Apply(_options.NamingPolicy, symbol.Name)!;
        return new WrittenMember(name, written, optional);
    }

    /// <summary>The flags of a <c>[JsonNumberHandling]</c> on a member or type, or null.</summary>
    private int? NumberHandlingOf(ISymbol symbol)
        => symbol.GetAttributes().FirstOrDefault(a => KnownSymbols.Is(a.AttributeClass, _symbols.Known.JsonNumberHandling)) is { ConstructorArguments.Length: 1 } attribute && attribute.ConstructorArguments[0].Value is int flags ? flags : null;
}
