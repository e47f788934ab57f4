using System.Linq;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>The types of an update's values, as System.Text.Json writes them.</summary>
internal sealed partial class WrittenShapeReader
{
    private const int WriteAsString = 2, AllowNamedFloatingPointLiterals = 4;

    private static readonly WrittenType Boolean = new(WrittenKind.Boolean);
    private static readonly WrittenType Number = new(WrittenKind.Number);
    private static readonly WrittenType NumberOrString = new(WrittenKind.NumberOrString);
    private static readonly WrittenType String = new(WrittenKind.String);

    private WrittenType TypeOf(ITypeSymbol type, bool mayBeNull, int numberHandling, AttributeData? converter)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            return OrNull(TypeOf(nullable.TypeArguments[0], false, numberHandling, converter));
        }

        var written = converter is not null ? ConvertedBy(converter, type, numberHandling) : CoreOf(type, numberHandling);
        return mayBeNull && !type.IsValueType ? OrNull(written) : written;
    }

    private static WrittenType OrNull(WrittenType type) => type.Kind is WrittenKind.Unknown or WrittenKind.OrNull ? type : new WrittenType(WrittenKind.OrNull, Element: type);

    private WrittenType ElementOf(ITypeSymbol element, int numberHandling)
        => TypeOf(element, !element.IsValueType && element.NullableAnnotation != NullableAnnotation.NotAnnotated, numberHandling, converter: null);

    private WrittenType CoreOf(ITypeSymbol type, int numberHandling)
    {
        var numbers = (numberHandling & (WriteAsString | AllowNamedFloatingPointLiterals)) != 0 ? NumberOrString : Number;
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
                return Boolean;
            case >= SpecialType.System_SByte and <= SpecialType.System_Double:
                return numbers;
            case SpecialType.System_Char or SpecialType.System_String or SpecialType.System_DateTime:
                return String;
        }

        if (type is IArrayTypeSymbol array)
        {
            return array.Rank != 1 ? WrittenType.Unknown
                : array.ElementType.SpecialType == SpecialType.System_Byte ? String
                : new WrittenType(WrittenKind.Array, Element: ElementOf(array.ElementType, numberHandling));
        }

        if (type is not INamedTypeSymbol named || _options.Converts(type) || HasAttribute(named, _symbols.Known.JsonConverter) && named.TypeKind != TypeKind.Enum)
        {
            return WrittenType.Unknown;
        }

        var known = _symbols.Known;
        if (new[] { known.Guid, known.DateTimeOffset, known.TimeSpan, known.DateOnly, known.TimeOnly, _symbols.Uri, _symbols.Version }.Any(k => KnownSymbols.Is(named, k)))
        {
            return String;
        }

        if (new[] { _symbols.Half, _symbols.Int128, _symbols.UInt128 }.Any(k => KnownSymbols.Is(named, k)))
        {
            return numbers;
        }

        return named.TypeKind == TypeKind.Enum ? EnumOf(named, _options.EnumByName(named) ?? TypeEnumByName(named), numberHandling)
            : CollectionOf(named, numberHandling) ?? ObjectOf(named);
    }

    /// <summary>A member's own <c>[JsonConverter]</c>: an enum converter System.Text.Json ships, else a shape of the converter's making.</summary>
    private WrittenType ConvertedBy(AttributeData converter, ITypeSymbol type, int numberHandling)
        => type is INamedTypeSymbol { TypeKind: TypeKind.Enum } named && EnumReader.ByNumber(converter, named, _symbols.Known, out _) is { } byNumber
            ? EnumOf(named, !byNumber, numberHandling)
            : WrittenType.Unknown;

    /// <summary>Whether the enum's own <c>[JsonConverter]</c> writes it by name; null (unknown) for a converter of its own.</summary>
    private bool? TypeEnumByName(INamedTypeSymbol type)
    {
        var converter = type.GetAttributes().FirstOrDefault(a => KnownSymbols.Is(a.AttributeClass, _symbols.Known.JsonConverter));
        return converter is null ? false : EnumReader.ByNumber(converter, type, _symbols.Known, out _) is { } byNumber ? !byNumber : null;
    }

    private WrittenType EnumOf(INamedTypeSymbol type, bool? byName, int numberHandling)
    {
        if (byName is null)
        {
            return WrittenType.Unknown;
        }

        if (byName == false)
        {
            return (numberHandling & WriteAsString) != 0 ? NumberOrString : Number;
        }

        if (HasAttribute(type, _symbols.Flags))
        {
            // Combined flags are written as "A, B": any string, or a number for a value without names.
            return NumberOrString;
        }

        var typeName = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        if (!_enums.ContainsKey(typeName))
        {
            var names = type.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).Select(f =>
                f.GetAttributes().FirstOrDefault(a => KnownSymbols.Is(a.AttributeClass, _symbols.Known.JsonStringEnumMemberName))?.ConstructorArguments.FirstOrDefault().Value as string ?? f.Name);
            var model = new WrittenEnum(typeName, new EquatableArray<string>(names));
            _enums[typeName] = model;
            _enumOrder.Add(model);
        }

        return new WrittenType(WrittenKind.Enum, typeName);
    }

    private WrittenType? CollectionOf(INamedTypeSymbol type, int numberHandling)
    {
        var all = type.AllInterfaces.Prepend(type).ToList();
        var dictionary = all.FirstOrDefault(i => KnownSymbols.IsConstructionOf(i, _symbols.DictionaryOfT) || KnownSymbols.IsConstructionOf(i, _symbols.ReadOnlyDictionaryOfT));
        if (dictionary is not null)
        {
            return IsPropertyNameKey(dictionary.TypeArguments[0])
                ? new WrittenType(WrittenKind.Record, Element: ElementOf(dictionary.TypeArguments[1], numberHandling))
                : WrittenType.Unknown;
        }

        var enumerables = all.Where(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T).ToList();
        if (enumerables.Count > 0)
        {
            return enumerables.Count == 1 ? new WrittenType(WrittenKind.Array, Element: ElementOf(enumerables[0].TypeArguments[0], numberHandling)) : WrittenType.Unknown;
        }

        return all.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable) ? WrittenType.Unknown : null;
    }

    /// <summary>A key System.Text.Json writes as a property name: a string, number, bool, char, enum, Guid or date.</summary>
    private bool IsPropertyNameKey(ITypeSymbol key)
        => key.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_DateTime
               or (>= SpecialType.System_SByte and <= SpecialType.System_Double)
           || key.TypeKind == TypeKind.Enum
           || KnownSymbols.Is(key, _symbols.Known.Guid) || KnownSymbols.Is(key, _symbols.Known.DateTimeOffset);

    private WrittenType ObjectOf(INamedTypeSymbol type)
    {
        var opaque = type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsTupleType || type.IsAnonymousType || type.IsRefLikeType
            || type.SpecialType == SpecialType.System_Object || IsFrameworkType(type)
            || HasAttribute(type, _symbols.Polymorphic) || HasAttribute(type, _symbols.DerivedType);
        return !opaque && ObjectKeyOf(type) is { } key ? new WrittenType(WrittenKind.Object, key) : WrittenType.Unknown;
    }

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
        => attribute is not null && symbol.GetAttributes().Any(a => KnownSymbols.Is(a.AttributeClass, attribute));

    /// <summary>A type of System or Microsoft (JsonElement, JsonNode, KeyValuePair, …): their JSON is not their members.</summary>
    private static bool IsFrameworkType(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" or "Microsoft" };
    }
}
