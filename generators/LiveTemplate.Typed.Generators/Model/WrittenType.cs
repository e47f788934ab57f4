namespace LiveTemplate.Typed.Generators.Model;

/// <summary>The JSON a value of an update is written as, for its TypeScript type.</summary>
/// <param name="Kind">What kind of JSON.</param>
/// <param name="Reference">The object's key or the enum's type name; otherwise null.</param>
/// <param name="Element">The element of an array, record or nullable; otherwise null.</param>
internal sealed record WrittenType(WrittenKind Kind, string? Reference = null, WrittenType? Element = null)
{
    public static WrittenType Unknown { get; } = new(WrittenKind.Unknown);
}
