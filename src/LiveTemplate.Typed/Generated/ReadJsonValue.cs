using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed.Generated;

/// <summary>
/// Reads one JSON value of type <typeparamref name="T"/> at the reader's current token, leaving the reader on the
/// value's last token. The shape of every generated and built-in reader, so readers of collections compose.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate bool ReadJsonValue<T>(ref Utf8JsonReader reader, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out ActionDataError? error);
