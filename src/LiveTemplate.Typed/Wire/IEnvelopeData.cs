using System.Text.Json;

namespace LiveTemplate.Typed.Wire;

/// <summary>The <c>data</c> field of an action envelope, written by whoever holds it (raw bytes, or generated code).</summary>
internal interface IEnvelopeData
{
    /// <summary>True when there is no data: the field is left out, as Go's <c>omitempty</c> does.</summary>
    bool IsEmpty { get; }

    /// <summary>Writes the data as the value of the <c>data</c> field.</summary>
    void Write(Utf8JsonWriter writer);
}
