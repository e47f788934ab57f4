namespace LiveTemplate.Typed.Generators.Model;

/// <summary>How a value read from JSON gets into the object that has the member.</summary>
internal enum MemberBinding
{
    /// <summary>Passed to the constructor.</summary>
    ConstructorParameter,

    /// <summary>Set by an object initializer (an <c>init</c> or <c>set</c> accessor, or a field).</summary>
    Initializer,

    /// <summary>Never given to the object: a member that is only written (<c>[JsonInclude]</c> on a get-only property).</summary>
    None,
}
