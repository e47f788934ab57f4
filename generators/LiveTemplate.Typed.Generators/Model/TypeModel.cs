namespace LiveTemplate.Typed.Generators.Model;

/// <summary>
/// A member type as the emitter needs it.
/// </summary>
/// <param name="Kind">How it is read and written.</param>
/// <param name="TypeName">The C# type as the JSON class names it: fully qualified (<c>global::System.Guid</c>, <c>string?</c>), except the collections of System.Collections.Generic, which it imports (<c>List&lt;int&gt;</c>).</param>
/// <param name="Name">The suffix of its reader and writer methods (<c>Int32</c>, <c>ListOfString</c>, <c>Person</c>).</param>
/// <param name="Element">The element, value or underlying type of a collection or nullable; otherwise null.</param>
internal sealed record TypeModel(ValueKind Kind, string TypeName, string Name, TypeModel? Element)
{
    /// <summary>True for the kinds whose reader and writer are generated in the file (not taken from the runtime).</summary>
    public bool IsGenerated => Kind >= ValueKind.Enum;

    /// <summary>True for the kinds whose reader and writer compose the runtime's collection or null helpers.</summary>
    public bool IsComposite => Element is not null;
}
