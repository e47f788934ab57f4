using System.Text.Json;

namespace LiveTemplate.Typed.Actions;

/// <summary>Writes one value of type <typeparamref name="T"/> as JSON. The shape of every generated and built-in writer.</summary>
public delegate void WriteJsonValue<in T>(Utf8JsonWriter writer, T value);
