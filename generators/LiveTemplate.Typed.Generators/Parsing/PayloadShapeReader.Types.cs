using System.Collections.Generic;
using LiveTemplate.Typed.Generators.Diagnostics;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>The member types a payload can carry: values, enums, nested objects, collections and nullables of these.</summary>
internal sealed partial class PayloadShapeReader
{
    private readonly Dictionary<ITypeSymbol, EnumModel> _enumsByName = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, EnumModel> _enumsByNumber = new(SymbolEqualityComparer.Default);
    private readonly List<EnumModel> _enumOrder = new();

    /// <summary>The reader suffix of a primitive type (<c>Int32</c>), or null.</summary>
    public static ValueKind? Primitive(ITypeSymbol type, KnownSymbols known)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean: return ValueKind.Boolean;
            case SpecialType.System_Byte: return ValueKind.Byte;
            case SpecialType.System_SByte: return ValueKind.SByte;
            case SpecialType.System_Int16: return ValueKind.Int16;
            case SpecialType.System_UInt16: return ValueKind.UInt16;
            case SpecialType.System_Int32: return ValueKind.Int32;
            case SpecialType.System_UInt32: return ValueKind.UInt32;
            case SpecialType.System_Int64: return ValueKind.Int64;
            case SpecialType.System_UInt64: return ValueKind.UInt64;
            case SpecialType.System_Single: return ValueKind.Single;
            case SpecialType.System_Double: return ValueKind.Double;
            case SpecialType.System_Decimal: return ValueKind.Decimal;
            case SpecialType.System_Char: return ValueKind.Char;
            case SpecialType.System_String: return ValueKind.String;
            case SpecialType.System_DateTime: return ValueKind.DateTime;
        }

        return KnownSymbols.Is(type, known.Guid) ? ValueKind.Guid
            : KnownSymbols.Is(type, known.DateTimeOffset) ? ValueKind.DateTimeOffset
            : KnownSymbols.Is(type, known.TimeSpan) ? ValueKind.TimeSpan
            : KnownSymbols.Is(type, known.DateOnly) ? ValueKind.DateOnly
            : KnownSymbols.Is(type, known.TimeOnly) ? ValueKind.TimeOnly
            : null;
    }

    /// <summary>How a member's <c>[JsonConverter]</c> writes its enum (true: by number), or null when it has none; a converter that is not for an enum is a problem.</summary>
    private bool? EnumModeOf(DataMember member)
    {
        if (member.Json.Converter is not { } converter)
        {
            return null;
        }

        var enumType = member.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : member.Type;
        var whyNot = "it is not on an enum member; typed actions support only JsonStringEnumConverter and JsonNumberEnumConverter<T> on enums";
        string? why = null;
        var byNumber = enumType.TypeKind == TypeKind.Enum ? EnumReader.ByNumber(converter, enumType, _context.Known, out why) : null;
        if (byNumber is null)
        {
            _problems.Add(new ShapeProblem(DiagnosticDescriptors.UnsupportedAttribute, JsonNames.LocationOf(converter, member.Symbol), ["JsonConverter", $"{_owner?.Name}.{member.Name}", why ?? whyNot]));
        }

        return byNumber;
    }

    private TypeModel? Classify(ITypeSymbol type, NullableAnnotation annotation, bool? enumByNumber = null)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            var inner = Classify(nullable.TypeArguments[0], NullableAnnotation.NotAnnotated, enumByNumber);
            return inner is null ? null : new TypeModel(ValueKind.Nullable, inner.TypeName + "?", "Nullable" + inner.Name, inner);
        }

        if (type.IsReferenceType && annotation != NullableAnnotation.NotAnnotated)
        {
            // Annotated, or written where nullable annotations are off: null is a valid value.
            var inner = Classify(type, NullableAnnotation.NotAnnotated);
            return inner is null ? null : new TypeModel(ValueKind.OrNull, inner.TypeName + "?", "Nullable" + inner.Name, inner);
        }

        if (Primitive(type, _context.Known) is { } primitive)
        {
            return new TypeModel(primitive, type.ToDisplayString(FullyQualified), primitive.ToString(), null);
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                return Unsupported(type, "only one-dimensional arrays are supported");
            }

            if (array.ElementType.SpecialType == SpecialType.System_Byte)
            {
                return new TypeModel(ValueKind.Bytes, "byte[]", "Bytes", null);
            }

            return Collection(ValueKind.Array, array.ElementType, array.ElementNullableAnnotation, e => e.TypeName + "[]", "ArrayOf");
        }

        if (type is not INamedTypeSymbol named)
        {
            return Unsupported(type, "it is not a named type");
        }

        if (CollectionKind(named) is { } collection)
        {
            return collection switch
            {
                ValueKind.List => Collection(collection, named.TypeArguments[0], named.TypeArgumentNullableAnnotations[0], e => $"List<{e.TypeName}>", "ListOf"),
                ValueKind.ReadOnlyList => Collection(collection, named.TypeArguments[0], named.TypeArgumentNullableAnnotations[0], e => $"IReadOnlyList<{e.TypeName}>", "IReadOnlyListOf"),
                ValueKind.ReadOnlyCollection => Collection(collection, named.TypeArguments[0], named.TypeArgumentNullableAnnotations[0], e => $"IReadOnlyCollection<{e.TypeName}>", "IReadOnlyCollectionOf"),
                ValueKind.Enumerable => Collection(collection, named.TypeArguments[0], named.TypeArgumentNullableAnnotations[0], e => $"IEnumerable<{e.TypeName}>", "IEnumerableOf"),
                _ => Dictionary(collection, named),
            };
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            var model = ReadEnum(named, enumByNumber);
            return new TypeModel(ValueKind.Enum, model.TypeName, model.Name, null);
        }

        if (WhyNotAnObject(named) is { } whyNot)
        {
            return Unsupported(type, whyNot);
        }

        if (!_objectNames.TryGetValue(named, out var objectName))
        {
            // Registered before its members are read, so a type that refers to itself finds its name.
            objectName = UniqueName(named);
            _objectNames[named] = objectName;
            var model = ReadObject(named, objectName, out var whyNoConstructor);
            if (model is null)
            {
                return whyNoConstructor is null ? null : Unsupported(type, whyNoConstructor);
            }

            _objectOrder.Add(model);
        }

        return new TypeModel(ValueKind.Object, named.ToDisplayString(FullyQualified), objectName, null);
    }

    private TypeModel? Collection(ValueKind kind, ITypeSymbol element, NullableAnnotation annotation, System.Func<TypeModel, string> typeName, string prefix)
    {
        var item = Classify(element, annotation);
        return item is null ? null : new TypeModel(kind, typeName(item), prefix + item.Name, item);
    }

    private TypeModel? Dictionary(ValueKind kind, INamedTypeSymbol dictionary)
    {
        if (dictionary.TypeArguments[0].SpecialType != SpecialType.System_String)
        {
            return Unsupported(dictionary, "dictionary keys must be strings (JSON property names)");
        }

        var value = Classify(dictionary.TypeArguments[1], dictionary.TypeArgumentNullableAnnotations[1]);
        if (value is null)
        {
            return null;
        }

        return kind == ValueKind.Dictionary
            ? new TypeModel(kind, $"Dictionary<string, {value.TypeName}>", "DictionaryOf" + value.Name, value)
            : new TypeModel(kind, $"IReadOnlyDictionary<string, {value.TypeName}>", "IReadOnlyDictionaryOf" + value.Name, value);
    }

    private EnumModel ReadEnum(INamedTypeSymbol type, bool? memberByNumber)
    {
        var byNumber = memberByNumber ?? TypeByNumber(type);
        var known = byNumber ? _enumsByNumber : _enumsByName;
        if (known.TryGetValue(type, out var existing))
        {
            return existing;
        }

        _usage.ScanType(type, _anchor, _problems);
        foreach (var field in type.GetMembers())
        {
            _usage.ScanMember(field, _anchor, _problems);
        }

        var model = EnumReader.Read(type, UniqueName(type, byNumber ? "Number" : string.Empty), byNumber, _context.Known, _problems);
        known[type] = model;
        _enumOrder.Add(model);
        return model;
    }

    /// <summary>Whether the enum's own <c>[JsonConverter]</c> writes it by number; a converter typed actions cannot run is a problem.</summary>
    private bool TypeByNumber(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (KnownSymbols.Is(attribute.AttributeClass, _context.Known.JsonConverter))
            {
                var byNumber = EnumReader.ByNumber(attribute, type, _context.Known, out var whyNot);
                if (byNumber is null)
                {
                    _problems.Add(new ShapeProblem(DiagnosticDescriptors.UnsupportedAttribute, JsonNames.LocationOf(attribute, type) ?? _anchor, ["JsonConverter", type.Name, whyNot!]));
                }

                return byNumber ?? false;
            }
        }

        return false;
    }

    private TypeModel? Unsupported(ITypeSymbol type, string reason)
    {
        var location = _member is null ? _anchor : DataMembers.LocationOf(_member) ?? _anchor;
        _problems.Add(new ShapeProblem(DiagnosticDescriptors.UnsupportedMemberType, location, [
            _member?.Name ?? "?", _owner?.Name ?? "?", type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), reason], ShapeProblem.IsUnfinished(type)));
        return null;
    }

    /// <summary>Why a named type cannot be read as a nested JSON object, or null when it can.</summary>
    private string? WhyNotAnObject(INamedTypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic)
        {
            return "an object of unknown shape cannot be read back";
        }

        if (type.IsTupleType)
        {
            return "a tuple's members have no names in JSON; use a record";
        }

        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract || type.IsStatic || type.IsAnonymousType || type.IsRefLikeType)
        {
            return "only concrete records, classes and structs can be nested";
        }

        if (IsFrameworkNamespace(type.ContainingNamespace))
        {
            return "it is a framework type without a JSON shape known to typed actions";
        }

        return _context.IsAccessible(type) ? null : "it must be public or internal to be read and written by generated code";
    }

    private static bool IsFrameworkNamespace(INamespaceSymbol? ns)
    {
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" or "Microsoft" };
    }

    private ValueKind? CollectionKind(INamedTypeSymbol type)
    {
        switch (type.OriginalDefinition.SpecialType)
        {
            case SpecialType.System_Collections_Generic_IReadOnlyList_T: return ValueKind.ReadOnlyList;
            case SpecialType.System_Collections_Generic_IReadOnlyCollection_T: return ValueKind.ReadOnlyCollection;
            case SpecialType.System_Collections_Generic_IEnumerable_T: return ValueKind.Enumerable;
        }

        var known = _context.Known;
        return KnownSymbols.IsConstructionOf(type, known.List) ? ValueKind.List
            : KnownSymbols.IsConstructionOf(type, known.Dictionary) ? ValueKind.Dictionary
            : KnownSymbols.IsConstructionOf(type, known.ReadOnlyDictionary) ? ValueKind.ReadOnlyDictionary
            : null;
    }
}
