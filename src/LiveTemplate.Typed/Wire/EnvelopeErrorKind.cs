namespace LiveTemplate.Typed.Wire;

/// <summary>Why an envelope could not be decoded.</summary>
internal enum EnvelopeErrorKind
{
    /// <summary>Not JSON, truncated JSON, trailing bytes, or not a JSON object.</summary>
    Malformed,

    /// <summary>A field the message kind needs is absent.</summary>
    MissingField,

    /// <summary>A field has the wrong JSON type (for example a number where a string belongs).</summary>
    WrongFieldType,

    /// <summary>A field has the right type but an invalid value (a bad id, bad base64, a bad timestamp).</summary>
    InvalidValue,

    /// <summary>The <c>type</c> field names a message kind this reader does not handle.</summary>
    UnknownType,
}
