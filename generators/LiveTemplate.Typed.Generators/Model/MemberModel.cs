namespace LiveTemplate.Typed.Generators.Model;

/// <summary>One member of an action or nested object as it appears in JSON.</summary>
/// <param name="PropertyName">The C# property (escaped with @ when it is a keyword).</param>
/// <param name="JsonName">The JSON property name: <c>[JsonPropertyName]</c>, or the camelCase of the property.</param>
/// <param name="Type">The member's type.</param>
/// <param name="IsRequired">True when data without it is invalid: non-nullable and without a default value.</param>
/// <param name="IsConstructorParameter">True when it is passed to the constructor, false when set by an object initializer.</param>
/// <param name="DefaultValue">The C# expression of the constructor parameter's default value, or null.</param>
internal sealed record MemberModel(string PropertyName, string JsonName, TypeModel Type, bool IsRequired, bool IsConstructorParameter, string? DefaultValue);
