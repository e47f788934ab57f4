namespace LiveTemplate.Typed.Generators.Model;

/// <summary>What JSON System.Text.Json writes for a value of an update (<see cref="WrittenType"/>).</summary>
internal enum WrittenKind
{
    /// <summary>A value whose shape the generator cannot model (object, JsonElement, a custom converter): TypeScript <c>unknown</c>.</summary>
    Unknown,

    Boolean,
    Number,

    /// <summary>A number, or a string when the number handling writes numbers as strings or named literals (NaN).</summary>
    NumberOrString,

    String,

    /// <summary>A JSON object: <see cref="WrittenType.Reference"/> is the <see cref="WrittenObject.Key"/>.</summary>
    Object,

    /// <summary>An enum written by member name: <see cref="WrittenType.Reference"/> is the <see cref="WrittenEnum.TypeName"/>.</summary>
    Enum,

    /// <summary>Null or the element.</summary>
    OrNull,

    /// <summary>A JSON array of the element.</summary>
    Array,

    /// <summary>A JSON object of string keys to the element (a dictionary).</summary>
    Record,
}
