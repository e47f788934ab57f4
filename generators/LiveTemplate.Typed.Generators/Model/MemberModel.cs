namespace LiveTemplate.Typed.Generators.Model;

/// <summary>One member of an action or nested object as it appears in JSON.</summary>
/// <param name="Name">The C# property or field, as an identifier without <c>@</c> (the emitter escapes keywords).</param>
/// <param name="JsonName">The JSON property name: <c>[JsonPropertyName]</c>, or the camelCase of the member.</param>
/// <param name="Type">The member's type.</param>
/// <param name="Binding">How a value read from JSON gets into the object.</param>
/// <param name="IsRequiredMember">True for a C# <c>required</c> member, which every object initializer must set.</param>
/// <param name="Absent">What reading does when the JSON leaves the member out.</param>
/// <param name="DefaultValue">The value an absent member takes when <paramref name="Absent"/> is <see cref="AbsentValue.Default"/>.</param>
/// <param name="Write">When the member is written.</param>
/// <param name="IsRead">False when the JSON property is never read (<c>[JsonIgnore]</c>, or a member that is only written).</param>
/// <param name="Order">Its <c>[JsonPropertyOrder]</c> (0 by default): members are written by order, then as declared.</param>
internal sealed record MemberModel(
    string Name,
    string JsonName,
    TypeModel Type,
    MemberBinding Binding,
    bool IsRequiredMember,
    AbsentValue Absent,
    ConstantModel DefaultValue,
    WriteCondition Write,
    bool IsRead,
    int Order);
