using System.ComponentModel;
using System.Text.Json;

namespace LiveTemplate.Typed.Generated;

/// <summary>Writes one value of type <typeparamref name="T"/> as JSON. The shape of every generated and built-in writer.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void WriteJsonValue<in T>(Utf8JsonWriter writer, T value);
