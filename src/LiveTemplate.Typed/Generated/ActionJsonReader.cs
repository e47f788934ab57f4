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
public static class ActionJsonReader
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
    /// JSON, invalid UTF-8, nesting deeper than <see cref="MaxDepth"/> or content after the object are errors.
    /// </summary>
    public static bool TryReadRoot<T>(ReadOnlySpan<byte> utf8Json, ReadJsonValue<T> readObject, [MaybeNullWhen(false)] out T value, [NotNullWhen(false)] out ActionDataError? error)
    {
        ArgumentNullException.ThrowIfNull(readObject);
        if (utf8Json.IsEmpty)
        {
            utf8Json = "{}"u8;
        }

        try
        {
            var reader = new Utf8JsonReader(utf8Json, Options);
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
            error = ActionDataError.Invalid($"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}){DepthHint(ex)}");
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader reports a string that is not valid UTF-8 when it is transcoded.
            error = ActionDataError.Invalid("contains a string that is not valid UTF-8");
        }

        value = default;
        return false;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    public static bool TryReadBoolean(ref Utf8JsonReader reader, out bool value, [NotNullWhen(false)] out ActionDataError? error)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            value = reader.TokenType == JsonTokenType.True;
            error = null;
            return true;
        }

        return Fail("a boolean", ref reader, out value, out error);
    }

    /// <summary>Reads a number that fits <see cref="byte"/>.</summary>
    public static bool TryReadByte(ref Utf8JsonReader reader, out byte value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetByte(out value) ? Ok(out error) : NumberFail("Byte", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="sbyte"/>.</summary>
    public static bool TryReadSByte(ref Utf8JsonReader reader, out sbyte value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetSByte(out value) ? Ok(out error) : NumberFail("SByte", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="short"/>.</summary>
    public static bool TryReadInt16(ref Utf8JsonReader reader, out short value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetInt16(out value) ? Ok(out error) : NumberFail("Int16", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="ushort"/>.</summary>
    public static bool TryReadUInt16(ref Utf8JsonReader reader, out ushort value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetUInt16(out value) ? Ok(out error) : NumberFail("UInt16", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="int"/>.</summary>
    public static bool TryReadInt32(ref Utf8JsonReader reader, out int value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetInt32(out value) ? Ok(out error) : NumberFail("Int32", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="uint"/>.</summary>
    public static bool TryReadUInt32(ref Utf8JsonReader reader, out uint value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetUInt32(out value) ? Ok(out error) : NumberFail("UInt32", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="long"/>.</summary>
    public static bool TryReadInt64(ref Utf8JsonReader reader, out long value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetInt64(out value) ? Ok(out error) : NumberFail("Int64", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="ulong"/>.</summary>
    public static bool TryReadUInt64(ref Utf8JsonReader reader, out ulong value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetUInt64(out value) ? Ok(out error) : NumberFail("UInt64", ref reader, out value, out error);

    /// <summary>Reads a finite number that fits <see cref="float"/>.</summary>
    public static bool TryReadSingle(ref Utf8JsonReader reader, out float value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetSingle(out value) && float.IsFinite(value) ? Ok(out error) : NumberFail("Single", ref reader, out value, out error);

    /// <summary>Reads a finite number that fits <see cref="double"/>.</summary>
    public static bool TryReadDouble(ref Utf8JsonReader reader, out double value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetDouble(out value) && double.IsFinite(value) ? Ok(out error) : NumberFail("Double", ref reader, out value, out error);

    /// <summary>Reads a number that fits <see cref="decimal"/>, exactly as written (42.5 is 42.5m).</summary>
    public static bool TryReadDecimal(ref Utf8JsonReader reader, out decimal value, [NotNullWhen(false)] out ActionDataError? error)
        => IsNumber(ref reader) && reader.TryGetDecimal(out value) ? Ok(out error) : NumberFail("Decimal", ref reader, out value, out error);

    /// <summary>Reads a string of exactly one UTF-16 character.</summary>
    public static bool TryReadChar(ref Utf8JsonReader reader, out char value, [NotNullWhen(false)] out ActionDataError? error)
    {
        Span<char> text = stackalloc char[MaxTimeTextLength];
        if (TryCopyShortString(ref reader, text, out var length) && length == 1)
        {
            value = text[0];
            return Ok(out error);
        }

        return Fail("a string of one character", ref reader, out value, out error);
    }

    /// <summary>Reads a string (not null: a nullable member reads through <see cref="TryReadOrNull{T}"/>).</summary>
    public static bool TryReadString(ref Utf8JsonReader reader, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out ActionDataError? error)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            value = reader.GetString()!;
            return Ok(out error);
        }

        return Fail("a string", ref reader, out value, out error);
    }

    /// <summary>Reads a GUID string ("3f2c1d9e-8b7a-4c5d-9e0f-1a2b3c4d5e6f").</summary>
    public static bool TryReadGuid(ref Utf8JsonReader reader, out Guid value, [NotNullWhen(false)] out ActionDataError? error)
        => reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out value) ? Ok(out error) : Fail("a GUID string", ref reader, out value, out error);

    /// <summary>Reads an ISO 8601 date and time string.</summary>
    public static bool TryReadDateTime(ref Utf8JsonReader reader, out DateTime value, [NotNullWhen(false)] out ActionDataError? error)
        => reader.TokenType == JsonTokenType.String && reader.TryGetDateTime(out value) ? Ok(out error) : Fail("an ISO 8601 date and time string", ref reader, out value, out error);

    /// <summary>Reads an ISO 8601 date and time string with an offset (RFC 3339, as Go writes it).</summary>
    public static bool TryReadDateTimeOffset(ref Utf8JsonReader reader, out DateTimeOffset value, [NotNullWhen(false)] out ActionDataError? error)
        => reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out value) ? Ok(out error) : Fail("an ISO 8601 date and time string", ref reader, out value, out error);

    /// <summary>Reads a time span in the invariant "c" format ("1.02:03:04.5").</summary>
    public static bool TryReadTimeSpan(ref Utf8JsonReader reader, out TimeSpan value, [NotNullWhen(false)] out ActionDataError? error)
    {
        Span<char> text = stackalloc char[MaxTimeTextLength];
        if (TryCopyShortString(ref reader, text, out var length)
            && TimeSpan.TryParseExact(text[..length], "c", CultureInfo.InvariantCulture, out value))
        {
            return Ok(out error);
        }

        return Fail("a time span string such as \"1.02:03:04.5\"", ref reader, out value, out error);
    }

    /// <summary>Reads a date string ("2026-11-27").</summary>
    public static bool TryReadDateOnly(ref Utf8JsonReader reader, out DateOnly value, [NotNullWhen(false)] out ActionDataError? error)
    {
        Span<char> text = stackalloc char[MaxTimeTextLength];
        if (TryCopyShortString(ref reader, text, out var length)
            && DateOnly.TryParseExact(text[..length], ActionJsonWriter.DateOnlyFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return Ok(out error);
        }

        return Fail("a date string such as \"2026-11-27\"", ref reader, out value, out error);
    }

    /// <summary>Reads a time of day string ("10:15:30.5", "10:15:30" or "10:15").</summary>
    public static bool TryReadTimeOnly(ref Utf8JsonReader reader, out TimeOnly value, [NotNullWhen(false)] out ActionDataError? error)
    {
        Span<char> text = stackalloc char[MaxTimeTextLength];
        if (TryCopyShortString(ref reader, text, out var length)
            && TimeOnly.TryParseExact(text[..length], TimeOnlyFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            return Ok(out error);
        }

        return Fail("a time string such as \"10:15:30\"", ref reader, out value, out error);
    }

    /// <summary>Reads a base64 string as bytes (how Go and System.Text.Json write byte arrays).</summary>
    public static bool TryReadBytes(ref Utf8JsonReader reader, [NotNullWhen(true)] out byte[]? value, [NotNullWhen(false)] out ActionDataError? error)
        => reader.TokenType == JsonTokenType.String && reader.TryGetBytesFromBase64(out value) ? Ok(out error) : Fail("a base64 string", ref reader, out value, out error);

    /// <summary>Reads a JSON array into a list, each item with <paramref name="readItem"/>.</summary>
    public static bool TryReadList<T>(ref Utf8JsonReader reader, ReadJsonValue<T> readItem, [NotNullWhen(true)] out List<T>? value, [NotNullWhen(false)] out ActionDataError? error)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Fail("an array", ref reader, out value, out error);
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!readItem(ref reader, out var item, out var itemError))
            {
                value = null;
                error = itemError.AtIndex(items.Count);
                return false;
            }

            items.Add(item);
        }

        value = items;
        return Ok(out error);
    }

    /// <summary>Reads a JSON array into an array, each item with <paramref name="readItem"/>.</summary>
    public static bool TryReadArray<T>(ref Utf8JsonReader reader, ReadJsonValue<T> readItem, [NotNullWhen(true)] out T[]? value, [NotNullWhen(false)] out ActionDataError? error)
    {
        if (TryReadList(ref reader, readItem, out var items, out error))
        {
            value = items.ToArray();
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Reads a JSON object into a dictionary keyed by property name (ordinal; a repeated key keeps its last value).</summary>
    public static bool TryReadDictionary<T>(ref Utf8JsonReader reader, ReadJsonValue<T> readValue, [NotNullWhen(true)] out Dictionary<string, T>? value, [NotNullWhen(false)] out ActionDataError? error)
    {
        ArgumentNullException.ThrowIfNull(readValue);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail("an object", ref reader, out value, out error);
        }

        var entries = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (!readValue(ref reader, out var item, out var itemError))
            {
                value = null;
                error = itemError.AtKey(key);
                return false;
            }

            entries[key] = item;
        }

        value = entries;
        return Ok(out error);
    }

    /// <summary>Reads <c>null</c> as null and anything else with <paramref name="read"/>.</summary>
    public static bool TryReadNullable<T>(ref Utf8JsonReader reader, ReadJsonValue<T> read, out T? value, [NotNullWhen(false)] out ActionDataError? error)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(read);
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = null;
            return Ok(out error);
        }

        if (read(ref reader, out var inner, out error))
        {
            value = inner;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Reads <c>null</c> as null and anything else with <paramref name="read"/>.</summary>
    public static bool TryReadOrNull<T>(ref Utf8JsonReader reader, ReadJsonValue<T> read, out T? value, [NotNullWhen(false)] out ActionDataError? error)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = null;
            return Ok(out error);
        }

        return read(ref reader, out value, out error);
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

    private static readonly string[] TimeOnlyFormats = [ActionJsonWriter.TimeOnlyFormat, "HH:mm:ss", "HH:mm"];

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

    private static bool TryCopyShortString(ref Utf8JsonReader reader, scoped Span<char> destination, out int length)
    {
        // An unescaped string never has more UTF-16 characters than its JSON text has bytes.
        if (reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > destination.Length)
        {
            length = 0;
            return false;
        }

        length = reader.CopyString(destination);
        return true;
    }

    private static string DepthHint(JsonException ex)
        => ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? $"; nesting deeper than {MaxDepth} levels" : string.Empty;
}
