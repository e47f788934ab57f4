namespace LiveTemplate.Typed.Generators.Model;

/// <summary>How a member's value is written and read in JSON.</summary>
internal enum ValueKind
{
    Boolean,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Char,
    String,
    Guid,
    DateTime,
    DateTimeOffset,
    TimeSpan,
    DateOnly,
    TimeOnly,

    /// <summary>A <c>byte[]</c>: a base64 string, as Go and System.Text.Json write it.</summary>
    Bytes,

    /// <summary>An enum: its member name as a string.</summary>
    Enum,

    /// <summary>A record, class or struct made of supported members: a JSON object.</summary>
    Object,

    /// <summary>A <c>Nullable&lt;T&gt;</c>: null or the element.</summary>
    Nullable,

    /// <summary>A nullable reference: null or the element.</summary>
    OrNull,

    Array,
    List,
    ReadOnlyList,
    ReadOnlyCollection,
    Enumerable,
    Dictionary,
    ReadOnlyDictionary,
}
