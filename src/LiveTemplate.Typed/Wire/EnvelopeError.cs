namespace LiveTemplate.Typed.Wire;

/// <summary>A typed decode failure: what kind of problem, and a sentence that names the field.</summary>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Detail">What was wrong, naming the field; never contains the message body.</param>
public sealed record EnvelopeError(EnvelopeErrorKind Kind, string Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind}: {Detail}";
}
