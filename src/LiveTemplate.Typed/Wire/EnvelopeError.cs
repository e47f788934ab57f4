namespace LiveTemplate.Typed.Wire;

/// <summary>Why an envelope could not be decoded: the kind of problem and a sentence naming the field.</summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Detail">What was wrong, naming the field.</param>
internal sealed record EnvelopeError(EnvelopeErrorKind Kind, string Detail)
{
    /// <summary>The envelope as a whole is not UTF-8 JSON, or not an object.</summary>
    public static EnvelopeError Malformed(string detail) => new(EnvelopeErrorKind.Malformed, detail);

    /// <summary>A field the message needs is absent.</summary>
    public static EnvelopeError Missing(EnvelopeField field) => new(EnvelopeErrorKind.MissingField, $"Field '{EnvelopeFields.Name(field)}' is missing.");

    /// <summary>A field has the wrong JSON type.</summary>
    public static EnvelopeError WrongType(EnvelopeField field, string expected) => new(EnvelopeErrorKind.WrongFieldType, $"Field '{EnvelopeFields.Name(field)}' must be {expected}.");

    /// <summary>A field has the right JSON type but a value that is not allowed; <paramref name="reason"/> completes "Field 'x' …".</summary>
    public static EnvelopeError Invalid(EnvelopeField field, string reason) => new(EnvelopeErrorKind.InvalidValue, $"Field '{EnvelopeFields.Name(field)}' {reason}.");

    /// <summary>A field's value breaks a rule explained by <paramref name="problem"/> (a full sentence).</summary>
    public static EnvelopeError Breaks(EnvelopeField field, string problem) => new(EnvelopeErrorKind.InvalidValue, $"Field '{EnvelopeFields.Name(field)}': {problem}");

    /// <summary>The <c>type</c> is not one this reader handles.</summary>
    public static EnvelopeError UnknownType(string? type) => new(EnvelopeErrorKind.UnknownType, $"Message type \"{type}\" is not handled.");

    /// <summary>A value as it may appear in a message: at most 40 characters.</summary>
    public static string Shorten(string? value) => value is null ? string.Empty : value.Length <= 40 ? value : value[..40] + "…";

    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Detail}";
}
