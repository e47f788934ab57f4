using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LiveTemplate.Typed.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LiveTemplate.Typed.Generators.Parsing;

/// <summary>
/// Turns an action type and the types its members use into value-equatable models, or lists why it cannot.
/// One instance reads one action; the nested objects and enums it meets are collected once each.
/// </summary>
internal sealed class PayloadShapeReader
{
    private static readonly SymbolDisplayFormat FullyQualified = SymbolDisplayFormat.FullyQualifiedFormat;

    private readonly Dictionary<ITypeSymbol, string> _objectNames = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ITypeSymbol, EnumModel> _enums = new(SymbolEqualityComparer.Default);
    private readonly List<ObjectModel> _objectOrder = new();
    private readonly List<EnumModel> _enumOrder = new();
    private readonly HashSet<string> _usedNames = new(System.StringComparer.Ordinal);
    private readonly List<ShapeProblem> _problems = new();

    /// <summary>The problems found so far.</summary>
    public IReadOnlyList<ShapeProblem> Problems => _problems;

    /// <summary>The nested objects met, in order of first use.</summary>
    public IReadOnlyList<ObjectModel> Objects => _objectOrder;

    /// <summary>The enums met, in order of first use.</summary>
    public IReadOnlyList<EnumModel> Enums => _enumOrder;

    /// <summary>Reads the action's own shape; null when it (or anything it uses) is not supported.</summary>
    public ObjectModel? ReadAction(INamedTypeSymbol action)
    {
        _usedNames.Add(action.Name);
        _objectNames[action] = action.Name;
        var root = ReadObjectMembers(action, action.Name);
        if (root is null)
        {
            _problems.Add(new ShapeProblem(null, action.Name, action.Name, action.Name, NoConstructorReason(action)));
        }

        return _problems.Count == 0 ? root : null;
    }

    private ObjectModel? ReadObjectMembers(INamedTypeSymbol type, string name)
    {
        var properties = ReadableProperties(type);
        var constructor = ChooseConstructor(type, properties);
        if (constructor is null)
        {
            return null;
        }

        var members = new List<MemberModel>();
        var bound = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var parameter in constructor.Parameters)
        {
            var property = properties.First(p => string.Equals(p.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase));
            bound.Add(property.Name);
            var defaultValue = parameter.HasExplicitDefaultValue ? FormatDefault(parameter) : null;
            var member = ReadMember(type, property, isConstructorParameter: true, defaultValue);
            if (member is not null)
            {
                members.Add(member);
            }
        }

        foreach (var property in properties)
        {
            if (bound.Contains(property.Name) || property.SetMethod is not { } setter || !IsAccessible(setter.DeclaredAccessibility))
            {
                continue;
            }

            var member = ReadMember(type, property, isConstructorParameter: false, defaultValue: null);
            if (member is not null)
            {
                members.Add(member);
            }
        }

        return new ObjectModel(type.ToDisplayString(FullyQualified), name, type.IsValueType, new EquatableArray<MemberModel>(members));
    }

    private MemberModel? ReadMember(INamedTypeSymbol owner, IPropertySymbol property, bool isConstructorParameter, string? defaultValue)
    {
        var type = Classify(property.Type, property.NullableAnnotation, property, owner);
        if (type is null)
        {
            return null;
        }

        var jsonName = JsonName(property);
        var acceptsNull = type.Kind is ValueKind.Nullable or ValueKind.OrNull;
        var isRequired = !acceptsNull && defaultValue is null;
        return new MemberModel(EscapeIdentifier(property.Name), jsonName, type, isRequired, isConstructorParameter, defaultValue);
    }

    private TypeModel? Classify(ITypeSymbol type, NullableAnnotation annotation, IPropertySymbol member, INamedTypeSymbol owner)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            var inner = Classify(nullable.TypeArguments[0], NullableAnnotation.NotAnnotated, member, owner);
            return inner is null ? null : new TypeModel(ValueKind.Nullable, inner.TypeName + "?", "Nullable" + inner.Name, inner);
        }

        if (type.IsReferenceType && annotation != NullableAnnotation.NotAnnotated)
        {
            // Annotated, or written where nullable annotations are off: null is a valid value.
            var inner = Classify(type, NullableAnnotation.NotAnnotated, member, owner);
            return inner is null ? null : new TypeModel(ValueKind.OrNull, inner.TypeName + "?", "Nullable" + inner.Name, inner);
        }

        if (Primitive(type) is { } primitive)
        {
            return new TypeModel(primitive, type.ToDisplayString(FullyQualified), primitive.ToString(), null);
        }

        if (type is IArrayTypeSymbol array)
        {
            if (array.Rank != 1)
            {
                return Unsupported(member, owner, type, "only one-dimensional arrays are supported");
            }

            if (array.ElementType.SpecialType == SpecialType.System_Byte)
            {
                return new TypeModel(ValueKind.Bytes, "byte[]", "Bytes", null);
            }

            return Collection(ValueKind.Array, array.ElementType, array.ElementNullableAnnotation, member, owner, e => e.TypeName + "[]", "ArrayOf");
        }

        if (type is not INamedTypeSymbol named)
        {
            return Unsupported(member, owner, type, "it is not a named type");
        }

        if (CollectionKind(named) is { } collection)
        {
            return collection switch
            {
                ValueKind.List => Collection(collection, named.TypeArguments[0], named.TypeArgumentNullableAnnotations[0], member, owner, e => $"global::System.Collections.Generic.List<{e.TypeName}>", "ListOf"),
                ValueKind.ReadOnlyList => Collection(collection, named.TypeArguments[0], named.TypeArgumentNullableAnnotations[0], member, owner, e => $"global::System.Collections.Generic.IReadOnlyList<{e.TypeName}>", "IReadOnlyListOf"),
                ValueKind.ReadOnlyCollection => Collection(collection, named.TypeArguments[0], named.TypeArgumentNullableAnnotations[0], member, owner, e => $"global::System.Collections.Generic.IReadOnlyCollection<{e.TypeName}>", "IReadOnlyCollectionOf"),
                ValueKind.Enumerable => Collection(collection, named.TypeArguments[0], named.TypeArgumentNullableAnnotations[0], member, owner, e => $"global::System.Collections.Generic.IEnumerable<{e.TypeName}>", "IEnumerableOf"),
                _ => Dictionary(collection, named, member, owner),
            };
        }

        if (named.TypeKind == TypeKind.Enum)
        {
            var model = ReadEnum(named);
            return new TypeModel(ValueKind.Enum, model.TypeName, model.Name, null);
        }

        var whyNot = WhyNotAnObject(named);
        if (whyNot is not null)
        {
            return Unsupported(member, owner, type, whyNot);
        }

        if (!_objectNames.TryGetValue(named, out var objectName))
        {
            if (ChooseConstructor(named, ReadableProperties(named)) is null)
            {
                return Unsupported(member, owner, type, NoConstructorReason(named));
            }

            // Registered before its members are read, so a type that refers to itself finds its name.
            objectName = UniqueName(named);
            _objectNames[named] = objectName;
            _objectOrder.Add(ReadObjectMembers(named, objectName)!);
        }

        return new TypeModel(ValueKind.Object, named.ToDisplayString(FullyQualified), objectName, null);
    }

    private TypeModel? Collection(ValueKind kind, ITypeSymbol element, NullableAnnotation annotation, IPropertySymbol member, INamedTypeSymbol owner, System.Func<TypeModel, string> typeName, string prefix)
    {
        var item = Classify(element, annotation, member, owner);
        return item is null ? null : new TypeModel(kind, typeName(item), prefix + item.Name, item);
    }

    private TypeModel? Dictionary(ValueKind kind, INamedTypeSymbol dictionary, IPropertySymbol member, INamedTypeSymbol owner)
    {
        if (dictionary.TypeArguments[0].SpecialType != SpecialType.System_String)
        {
            return Unsupported(member, owner, dictionary, "dictionary keys must be strings (JSON property names)");
        }

        var value = Classify(dictionary.TypeArguments[1], dictionary.TypeArgumentNullableAnnotations[1], member, owner);
        if (value is null)
        {
            return null;
        }

        return kind == ValueKind.Dictionary
            ? new TypeModel(kind, $"global::System.Collections.Generic.Dictionary<string, {value.TypeName}>", "DictionaryOf" + value.Name, value)
            : new TypeModel(kind, $"global::System.Collections.Generic.IReadOnlyDictionary<string, {value.TypeName}>", "IReadOnlyDictionaryOf" + value.Name, value);
    }

    private EnumModel ReadEnum(INamedTypeSymbol type)
    {
        if (_enums.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var underlying = type.EnumUnderlyingType!;
        var members = type.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(f => f.HasConstantValue)
            .Select(f => new EnumMemberModel(f.Name, System.Convert.ToString(f.ConstantValue, CultureInfo.InvariantCulture) ?? "0"));
        var model = new EnumModel(
            type.ToDisplayString(FullyQualified),
            UniqueName(type),
            Primitive(underlying)!.Value.ToString(),
            underlying.ToDisplayString(FullyQualified),
            new EquatableArray<EnumMemberModel>(members));
        _enums[type] = model;
        _enumOrder.Add(model);
        return model;
    }

    private TypeModel? Unsupported(IPropertySymbol member, INamedTypeSymbol owner, ITypeSymbol type, string reason)
    {
        _problems.Add(new ShapeProblem(member, member.Name, owner.Name, type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat), reason));
        return null;
    }

    private string UniqueName(INamedTypeSymbol type)
    {
        var baseName = UniqueNameOf(type);
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

    /// <summary>Why a named type cannot be read as a nested JSON object, or null when it can.</summary>
    private static string? WhyNotAnObject(INamedTypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Object || type.TypeKind == TypeKind.Dynamic)
        {
            return "an object of unknown shape cannot be read back";
        }

        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct) || type.IsAbstract || type.IsStatic || type.IsTupleType || type.IsAnonymousType)
        {
            return "only concrete records, classes and structs can be nested";
        }

        var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        if (ns == "System" || ns.StartsWith("System.", System.StringComparison.Ordinal) || ns.StartsWith("Microsoft.", System.StringComparison.Ordinal))
        {
            return "it is a framework type without a JSON shape known to typed actions";
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (!IsAccessible(current.DeclaredAccessibility))
            {
                return "it must be public or internal to be read and written by generated code";
            }
        }

        return null;
    }

    private static ValueKind? Primitive(ITypeSymbol type)
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

        if (type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true } && type is INamedTypeSymbol { Arity: 0 })
        {
            switch (type.Name)
            {
                case "Guid": return ValueKind.Guid;
                case "DateTimeOffset": return ValueKind.DateTimeOffset;
                case "TimeSpan": return ValueKind.TimeSpan;
                case "DateOnly": return ValueKind.DateOnly;
                case "TimeOnly": return ValueKind.TimeOnly;
            }
        }

        return null;
    }

    private static ValueKind? CollectionKind(INamedTypeSymbol type)
    {
        switch (type.OriginalDefinition.SpecialType)
        {
            case SpecialType.System_Collections_Generic_IReadOnlyList_T: return ValueKind.ReadOnlyList;
            case SpecialType.System_Collections_Generic_IReadOnlyCollection_T: return ValueKind.ReadOnlyCollection;
            case SpecialType.System_Collections_Generic_IEnumerable_T: return ValueKind.Enumerable;
        }

        var definition = type.OriginalDefinition.ToDisplayString();
        return definition switch
        {
            "System.Collections.Generic.List<T>" => ValueKind.List,
            "System.Collections.Generic.Dictionary<TKey, TValue>" => ValueKind.Dictionary,
            "System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>" => ValueKind.ReadOnlyDictionary,
            _ => null,
        };
    }

    /// <summary>The instance properties a payload can carry: readable, not indexers, accessible to generated code.</summary>
    private static List<IPropertySymbol> ReadableProperties(INamedTypeSymbol type)
    {
        var properties = new List<IPropertySymbol>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.GetMethod is null
                    || !IsAccessible(property.DeclaredAccessibility) || !seen.Add(property.Name))
                {
                    continue;
                }

                properties.Add(property);
            }
        }

        return properties;
    }

    /// <summary>
    /// The constructor generated code calls: the one marked <c>[JsonConstructor]</c>, else the accessible one with the
    /// most parameters that all match a property by name (a positional record's primary constructor); the copy
    /// constructor never counts.
    /// </summary>
    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, List<IPropertySymbol> properties)
    {
        IMethodSymbol? best = null;
        foreach (var constructor in type.InstanceConstructors)
        {
            if (!IsAccessible(constructor.DeclaredAccessibility) || IsCopyConstructor(type, constructor))
            {
                continue;
            }

            var allMatch = constructor.Parameters.All(p => p.RefKind == RefKind.None
                && properties.Any(q => string.Equals(q.Name, p.Name, System.StringComparison.OrdinalIgnoreCase)));
            if (!allMatch)
            {
                continue;
            }

            if (constructor.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.JsonConstructorAttribute))
            {
                return constructor;
            }

            if (best is null || constructor.Parameters.Length > best.Parameters.Length)
            {
                best = constructor;
            }
        }

        return best;
    }

    private static bool IsCopyConstructor(INamedTypeSymbol type, IMethodSymbol constructor)
        => constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type);

    private static string NoConstructorReason(INamedTypeSymbol type)
        => $"'{type.Name}' has no public or internal constructor whose parameters all match its properties by name";

    private static bool IsAccessible(Accessibility accessibility)
        => accessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;

    private static string JsonName(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == KnownNames.JsonPropertyNameAttribute
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return ActionNaming.CamelCase(property.Name);
    }

    private static string EscapeIdentifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>The C# expression of a parameter's default value, or null when it has no simple literal form.</summary>
    private static string? FormatDefault(IParameterSymbol parameter)
    {
        var value = parameter.ExplicitDefaultValue;
        var type = parameter.Type;
        if (value is null)
        {
            return "default";
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            var number = System.Convert.ToString(value, CultureInfo.InvariantCulture);
            return $"({type.ToDisplayString(FullyQualified)})({number})";
        }

        return value switch
        {
            bool b => b ? "true" : "false",
            string s => SymbolDisplay.FormatLiteral(s, quote: true),
            char c => SymbolDisplay.FormatLiteral(c, quote: true),
            int or long or short or sbyte or byte or ushort or uint or ulong => $"({type.ToDisplayString(FullyQualified)})({System.Convert.ToString(value, CultureInfo.InvariantCulture)})",
            decimal d => d.ToString(CultureInfo.InvariantCulture) + "m",
            double d when !double.IsNaN(d) && !double.IsInfinity(d) => d.ToString("R", CultureInfo.InvariantCulture) + "d",
            float f when !float.IsNaN(f) && !float.IsInfinity(f) => f.ToString("R", CultureInfo.InvariantCulture) + "f",
            _ => null,
        };
    }
}
