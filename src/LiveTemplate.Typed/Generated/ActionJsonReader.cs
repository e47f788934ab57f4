using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LiveTemplate.Typed.Actions;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.Generated;

/// <summary>
/// The JSON readers that generated action code is composed of: one per supported value type, plus arrays, lists,
/// dictionaries and nulls built from them. Each checks the token type and the range and returns a typed
/// <see cref="ActionDataError"/> instead of throwing; <see cref="TryReadRoot{T}"/> turns malformed JSON into one too.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ActionJsonReader
{
    /// <summary>
    /// The deepest nesting an action's data may have: one less than an envelope's, since the data object is
    /// nested in the envelope.
    /// </summary>
    public const int MaxDepth = EnvelopeLimits.MaxDataDepth;

    // Time values are short; anything longer than this cannot be one and is rejected without copying it.
    private const int MaxTimeTextLength = 64;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>
    /// Reads a whole action's data with <paramref name="readObject"/>: empty data reads as <c>{}</c>, and malformed
    /// JSON, nesting deeper than <see cref="MaxDepth"/> or content after the object are errors. (Text that is not valid
    /// UTF-8 or UTF-16 is an error of the string that holds it, with its path.) An exception thrown by the action's own
    /// code while the value is built (a constructor that validates its arguments) is an error too, never thrown.
    /// </summary>
    public static bool TryReadRoot<T>(ReadOnlySpan<byte> utf8Json, ReadJsonValue<T> readObject, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out ActionDataError? error)
    {
        ArgumentNullException.ThrowIfNull(readObject);
        if (utf8Json.IsEmpty)
        {
            utf8Json = "{}"u8;
        }

        var reader = new Utf8JsonReader(utf8Json, Options);
        try
        {
            reader.Read();
            if (!readObject(ref reader, out value, out error))
            {
                return false;
            }

            // Anything but whitespace after the object makes the reader throw.
            reader.Read();
            return true;
        }
        catch (JsonException ex)
        {
            error = ActionDataError.Invalid($"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}){Hint(utf8Json, reader.CurrentDepth)}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The action's own code threw where no generated reader catches it (they turn a refused construction into an error with its path).
            error = RefusedBy(ex);
        }

        value = default;
        return false;
    }

    /// <summary>The error for a value whose JSON token is not the one expected.</summary>
    /// <param name="expected">What was expected, with its article: "an object", "a Color name".</param>
    /// <param name="reader">The reader, on the offending token.</param>
    /// <param name="value">Set to default.</param>
    /// <param name="error">The error.</param>
    /// <returns>False, so a reader can end with <c>return Fail(...)</c>.</returns>
    public static bool Fail<T>(string expected, ref Utf8JsonReader reader, [MaybeNull] out T value, out ActionDataError error)
    {
        value = default;
        error = ActionDataError.WrongType(expected, reader.TokenType);
        return false;
    }

    /// <summary>The error of a string that is not valid text when there is one, else <see cref="Fail{T}(string, ref Utf8JsonReader, out T, out ActionDataError)"/>.</summary>
    private static bool Fail<T>(ActionDataError? textError, string expected, ref Utf8JsonReader reader, [MaybeNull] out T value, out ActionDataError error)
    {
        if (textError is null)
        {
            return Fail(expected, ref reader, out value, out error);
        }

        value = default;
        error = textError;
        return false;
    }

    private static bool IsNumber(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Number;

    private static bool Ok(out ActionDataError? error)
    {
        error = null;
        return true;
    }

    private static bool NumberFail<T>(string typeName, ref Utf8JsonReader reader, [MaybeNull] out T value, out ActionDataError error)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return Fail($"a number ({typeName})", ref reader, out value, out error);
        }

        value = default!;
        var text = reader.ValueSpan;
        var shown = text.Length <= 32 ? Encoding.UTF8.GetString(text) : Encoding.UTF8.GetString(text[..32]) + "…";
        error = ActionDataError.Invalid($"must be a number that fits {typeName} (found {shown})");
        return false;
    }

    /// <summary>
    /// Copies the string at the reader into <paramref name="destination"/> and returns its length, or -1 when the
    /// token is not a string or is too long to be what the caller reads; <paramref name="textError"/> is set, and -1
    /// returned, when the string is not valid text.
    /// </summary>
    private static int CopyShortString(ref Utf8JsonReader reader, scoped Span<char> destination, out ActionDataError? textError)
    {
        textError = null;

        // An unescaped string never has more UTF-16 characters than its JSON text has bytes.
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > destination.Length)
        {
            return -1;
        }

        try
        {
            return reader.CopyString(destination);
        }
        catch (InvalidOperationException)
        {
            textError = JsonTextError.At(ref reader, string.Empty);
            return -1;
        }
    }

    /// <summary>What made data invalid JSON, when it is one of two common things: cut short, or too deep.</summary>
    private static string Hint(ReadOnlySpan<byte> utf8Json, int depth)
    {
        // Data cut short is the start of valid JSON: a reader told more may follow reads it all without an error.
        var prefix = new Utf8JsonReader(utf8Json, isFinalBlock: false, new JsonReaderState(Options));
        try
        {
            while (prefix.Read())
            {
            }

            return "; the data ends before its JSON does";
        }
        catch (JsonException)
        {
            // The reader stops on the start of the array or object one level too deep, where it counts one less.
            return depth >= MaxDepth - 1 ? $"; nesting deeper than {MaxDepth} levels" : string.Empty;
        }
    }
}
