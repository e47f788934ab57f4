using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace LiveTemplate.Typed.Generated;

/// <summary>
/// The JSON writers that generated action code is composed of: one per supported value type, plus arrays, lists,
/// dictionaries and nulls built from them. They write what <see cref="ActionJsonReader"/> reads back.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class ActionJsonWriter
{
    internal const string DateOnlyFormat = "yyyy-MM-dd";
    internal const string TimeOnlyFormat = "HH:mm:ss.FFFFFFF";

    /// <summary>True when <paramref name="value"/> is the default of its type (<c>[JsonIgnore(Condition = WhenWritingDefault)]</c> leaves it out).</summary>
    public static bool IsDefault<T>(T value) => EqualityComparer<T>.Default.Equals(value, default!);

    /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
    public static void WriteBoolean(Utf8JsonWriter writer, bool value) => NotNull(writer).WriteBooleanValue(value);

    /// <summary>Writes a number.</summary>
    public static void WriteByte(Utf8JsonWriter writer, byte value) => NotNull(writer).WriteNumberValue((uint)value);

    /// <summary>Writes a number.</summary>
    public static void WriteSByte(Utf8JsonWriter writer, sbyte value) => NotNull(writer).WriteNumberValue((int)value);

    /// <summary>Writes a number.</summary>
    public static void WriteInt16(Utf8JsonWriter writer, short value) => NotNull(writer).WriteNumberValue((int)value);

    /// <summary>Writes a number.</summary>
    public static void WriteUInt16(Utf8JsonWriter writer, ushort value) => NotNull(writer).WriteNumberValue((uint)value);

    /// <summary>Writes a number.</summary>
    public static void WriteInt32(Utf8JsonWriter writer, int value) => NotNull(writer).WriteNumberValue(value);

    /// <summary>Writes a number.</summary>
    public static void WriteUInt32(Utf8JsonWriter writer, uint value) => NotNull(writer).WriteNumberValue(value);

    /// <summary>Writes a number.</summary>
    public static void WriteInt64(Utf8JsonWriter writer, long value) => NotNull(writer).WriteNumberValue(value);

    /// <summary>Writes a number.</summary>
    public static void WriteUInt64(Utf8JsonWriter writer, ulong value) => NotNull(writer).WriteNumberValue(value);

    /// <summary>Writes the shortest number that reads back as the same value.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite, which JSON cannot represent.</exception>
    public static void WriteSingle(Utf8JsonWriter writer, float value) => NotNull(writer).WriteNumberValue(float.IsFinite(value) ? value : throw NotANumber(null, value));

    /// <summary>Writes the shortest number that reads back as the same value.</summary>
    /// <exception cref="ArgumentException">The value is NaN or infinite, which JSON cannot represent.</exception>
    public static void WriteDouble(Utf8JsonWriter writer, double value) => NotNull(writer).WriteNumberValue(double.IsFinite(value) ? value : throw NotANumber(null, value));

    /// <summary>Writes the exact decimal number.</summary>
    public static void WriteDecimal(Utf8JsonWriter writer, decimal value) => NotNull(writer).WriteNumberValue(value);

    /// <summary>Writes a string of one character.</summary>
    public static void WriteChar(Utf8JsonWriter writer, char value) => NotNull(writer).WriteStringValue(new ReadOnlySpan<char>(in value));

    /// <summary>Writes a string.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, which its declared type does not accept.</exception>
    public static void WriteString(Utf8JsonWriter writer, string value) => NotNull(writer).WriteStringValue(value ?? throw NullValue("string"));

    /// <summary>Writes a GUID string ("3f2c1d9e-8b7a-4c5d-9e0f-1a2b3c4d5e6f").</summary>
    public static void WriteGuid(Utf8JsonWriter writer, Guid value) => NotNull(writer).WriteStringValue(value);

    /// <summary>Writes an ISO 8601 date and time string.</summary>
    public static void WriteDateTime(Utf8JsonWriter writer, DateTime value) => NotNull(writer).WriteStringValue(value);

    /// <summary>Writes an ISO 8601 date and time string with its offset.</summary>
    public static void WriteDateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value) => NotNull(writer).WriteStringValue(value);

    /// <summary>Writes a time span in the invariant "c" format ("1.02:03:04.5000000").</summary>
    public static void WriteTimeSpan(Utf8JsonWriter writer, TimeSpan value)
    {
        Span<char> text = stackalloc char[32];
        value.TryFormat(text, out var length, "c", CultureInfo.InvariantCulture);
        NotNull(writer).WriteStringValue(text[..length]);
    }

    /// <summary>Writes a date string ("2026-11-27").</summary>
    public static void WriteDateOnly(Utf8JsonWriter writer, DateOnly value)
    {
        Span<char> text = stackalloc char[16];
        value.TryFormat(text, out var length, DateOnlyFormat, CultureInfo.InvariantCulture);
        NotNull(writer).WriteStringValue(text[..length]);
    }

    /// <summary>Writes a time of day string ("10:15:30.5"; whole seconds have no fraction).</summary>
    public static void WriteTimeOnly(Utf8JsonWriter writer, TimeOnly value)
    {
        Span<char> text = stackalloc char[24];
        value.TryFormat(text, out var length, TimeOnlyFormat, CultureInfo.InvariantCulture);
        NotNull(writer).WriteStringValue(text[..length]);
    }

    /// <summary>Writes bytes as a base64 string.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null, which its declared type does not accept.</exception>
    public static void WriteBytes(Utf8JsonWriter writer, byte[] value) => NotNull(writer).WriteBase64StringValue(value ?? throw NullValue("byte[]"));

    /// <summary>Writes a JSON array, each item with <paramref name="writeItem"/>.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IEnumerable<T> items, WriteJsonValue<T> writeItem)
    {
        if (items is IReadOnlyList<T> list)
        {
            WriteList(writer, list, writeItem);
            return;
        }

        if (Open(writer, items, writeItem, array: true))
        {
            foreach (var item in items)
            {
                writeItem(writer, item);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>Writes a JSON array, each item with <paramref name="writeItem"/>, without allocating an enumerator.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, IReadOnlyList<T> items, WriteJsonValue<T> writeItem)
    {
        switch (items)
        {
            case List<T> list:
                WriteList(writer, list, writeItem);
                return;
            case T[] array:
                WriteList(writer, array, writeItem);
                return;
        }

        if (Open(writer, items, writeItem, array: true))
        {
            for (var i = 0; i < items.Count; i++)
            {
                writeItem(writer, items[i]);
            }

            writer.WriteEndArray();
        }
    }

    /// <summary>Writes a JSON array, each item with <paramref name="writeItem"/>.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, List<T> items, WriteJsonValue<T> writeItem)
    {
        if (Open(writer, items, writeItem, array: true))
        {
            WriteItems(writer, CollectionsMarshal.AsSpan(items), writeItem);
        }
    }

    /// <summary>Writes a JSON array, each item with <paramref name="writeItem"/>.</summary>
    public static void WriteList<T>(Utf8JsonWriter writer, T[] items, WriteJsonValue<T> writeItem)
    {
        if (Open(writer, items, writeItem, array: true))
        {
            WriteItems(writer, items, writeItem);
        }
    }

    /// <summary>Writes a JSON object with one property per entry, each value with <paramref name="writeValue"/>.</summary>
    public static void WriteDictionary<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> entries, WriteJsonValue<T> writeValue)
    {
        if (entries is Dictionary<string, T> dictionary)
        {
            WriteDictionary(writer, dictionary, writeValue);
            return;
        }

        if (Open(writer, entries, writeValue, array: false))
        {
            foreach (var entry in entries)
            {
                WriteEntry(writer, entry, writeValue);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>Writes a JSON object with one property per entry, each value with <paramref name="writeValue"/>, without allocating an enumerator.</summary>
    public static void WriteDictionary<T>(Utf8JsonWriter writer, Dictionary<string, T> entries, WriteJsonValue<T> writeValue)
    {
        if (Open(writer, entries, writeValue, array: false))
        {
            foreach (var entry in entries)
            {
                WriteEntry(writer, entry, writeValue);
            }

            writer.WriteEndObject();
        }
    }

    /// <summary>Writes a JSON object with one property per entry, each value with <paramref name="writeValue"/>.</summary>
    public static void WriteDictionary<T>(Utf8JsonWriter writer, IReadOnlyDictionary<string, T> entries, WriteJsonValue<T> writeValue)
        => WriteDictionary(writer, (IEnumerable<KeyValuePair<string, T>>)entries, writeValue);

    /// <summary>Writes <c>null</c>, or the value with <paramref name="write"/>.</summary>
    public static void WriteNullable<T>(Utf8JsonWriter writer, T? value, WriteJsonValue<T> write)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(write);
        if (value is { } present)
        {
            write(NotNull(writer), present);
            return;
        }

        NotNull(writer).WriteNullValue();
    }

    /// <summary>Writes <c>null</c>, or the value with <paramref name="write"/>.</summary>
    public static void WriteOrNull<T>(Utf8JsonWriter writer, T? value, WriteJsonValue<T> write)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(write);
        if (value is null)
        {
            NotNull(writer).WriteNullValue();
            return;
        }

        write(NotNull(writer), value);
    }

    /// <summary>
    /// The error of a value that is null where its declared type accepts no null (an item of a collection, a value of
    /// a dictionary, a nested object): every reader would refuse the data, so it is not written.
    /// </summary>
    /// <param name="type">The declared type, as the error names it.</param>
    /// <returns>The exception to throw.</returns>
    public static ArgumentException NullValue(string type)
        => new($"A {type} in the action is null, but its declared type does not accept null, so every reader would refuse the data; give it a value, or declare it nullable (T?) to send null");

    /// <summary>
    /// The error of a NaN or an infinity: JSON has no such number (System.Text.Json's own message would suggest a number
    /// handling that typed actions refuse, LTT1013), so every reader would refuse the data.
    /// </summary>
    /// <param name="member">The member's JSON name, or null for an item of a collection or a value of a dictionary.</param>
    /// <param name="value">The value, as the error shows it.</param>
    /// <returns>The exception to throw.</returns>
    internal static ArgumentException NotANumber(string? member, double value)
        => new($"{(member is null ? "A number in the action" : $"'{member}'")} is {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, which JSON has no number for (nor Go's encoding/json), so it cannot be sent; send a finite number, or null from a nullable member (double?) where there is none");

    /// <summary>
    /// Starts a collection: checks the element writer and the collection (a null one, where its type accepts none,
    /// throws), opens the array or object and returns true (the caller writes the elements and closes it).
    /// </summary>
    private static bool Open<T>(Utf8JsonWriter writer, object? collection, WriteJsonValue<T> write, bool array)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (collection is null)
        {
            throw NullValue(array ? "collection" : "dictionary");
        }

        if (array)
        {
            NotNull(writer).WriteStartArray();
        }
        else
        {
            NotNull(writer).WriteStartObject();
        }

        return true;
    }

    private static void WriteItems<T>(Utf8JsonWriter writer, ReadOnlySpan<T> items, WriteJsonValue<T> writeItem)
    {
        foreach (var item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    private static void WriteEntry<T>(Utf8JsonWriter writer, KeyValuePair<string, T> entry, WriteJsonValue<T> writeValue)
    {
        writer.WritePropertyName(entry.Key);
        writeValue(writer, entry.Value);
    }

    private static Utf8JsonWriter NotNull(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        return writer;
    }
}
