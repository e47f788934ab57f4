namespace LiveTemplate.Typed.Generators.Model;

/// <summary>When a member is written (<c>[JsonIgnore(Condition = ...)]</c>).</summary>
internal enum WriteCondition
{
    Always,

    /// <summary>Left out when null (<c>WhenWritingNull</c>).</summary>
    WhenNotNull,

    /// <summary>Left out when it equals the default of its type (<c>WhenWritingDefault</c>).</summary>
    WhenNotDefault,

    /// <summary>Never written (<c>[JsonIgnore]</c>).</summary>
    Never,
}
