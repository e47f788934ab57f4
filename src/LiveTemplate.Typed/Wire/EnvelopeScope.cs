namespace LiveTemplate.Typed.Wire;

/// <summary>The <c>scope</c> of a broadcast envelope.</summary>
internal enum EnvelopeScope : byte
{
    /// <summary><c>"global"</c>: every connection.</summary>
    Global,

    /// <summary><c>"group"</c>: the connections of <c>groupID</c>.</summary>
    Group,

    /// <summary><c>"user"</c>: the connections of <c>userID</c>.</summary>
    User,
}
