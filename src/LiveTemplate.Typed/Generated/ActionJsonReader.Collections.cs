using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using LiveTemplate.Typed.Actions;

namespace LiveTemplate.Typed.Generated;

/// <summary>The readers of arrays, lists, dictionaries and nulls, composed from the readers of their items.</summary>
public static partial class ActionJsonReader
{
    /// <summary>
    /// Reads a JSON array into a list, each item with <paramref name="readItem"/>; <c>null</c> is an empty list (Go writes
    /// an empty slice that was never made, a nil slice, as <c>null</c>).
    /// </summary>
    public static bool TryReadList<T>(ref Utf8JsonReader reader, ReadJsonValue<T> readItem, [NotNullWhen(true)] out List<T>? value, [NotNullWhen(false)] out ActionDataError? error)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = [];
            return Ok(out error);
        }

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

    /// <summary>
    /// Reads a JSON object into a dictionary keyed by property name (ordinal; a repeated key keeps its last value);
    /// <c>null</c> is an empty dictionary (Go writes a nil map as <c>null</c>).
    /// </summary>
    public static bool TryReadDictionary<T>(ref Utf8JsonReader reader, ReadJsonValue<T> readValue, [NotNullWhen(true)] out Dictionary<string, T>? value, [NotNullWhen(false)] out ActionDataError? error)
    {
        ArgumentNullException.ThrowIfNull(readValue);
        if (reader.TokenType == JsonTokenType.Null)
        {
            value = new Dictionary<string, T>(StringComparer.Ordinal);
            return Ok(out error);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail("an object", ref reader, out value, out error);
        }

        var entries = new Dictionary<string, T>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!TryReadKey(ref reader, out var key, out error))
            {
                value = null;
                return false;
            }

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

    /// <summary>Reads a JSON array into a list, for a member declared as <see cref="IReadOnlyList{T}"/>.</summary>
    public static bool TryReadReadOnlyList<T>(ref Utf8JsonReader reader, ReadJsonValue<T> readItem, [NotNullWhen(true)] out IReadOnlyList<T>? value, [NotNullWhen(false)] out ActionDataError? error)
    {
        var read = TryReadList(ref reader, readItem, out var items, out error);
        value = items;
        return read;
    }

    /// <summary>Reads a JSON array into a list, for a member declared as <see cref="IReadOnlyCollection{T}"/>.</summary>
    public static bool TryReadReadOnlyCollection<T>(ref Utf8JsonReader reader, ReadJsonValue<T> readItem, [NotNullWhen(true)] out IReadOnlyCollection<T>? value, [NotNullWhen(false)] out ActionDataError? error)
    {
        var read = TryReadList(ref reader, readItem, out var items, out error);
        value = items;
        return read;
    }

    /// <summary>Reads a JSON array into a list, for a member declared as <see cref="IEnumerable{T}"/>.</summary>
    public static bool TryReadEnumerable<T>(ref Utf8JsonReader reader, ReadJsonValue<T> readItem, [NotNullWhen(true)] out IEnumerable<T>? value, [NotNullWhen(false)] out ActionDataError? error)
    {
        var read = TryReadList(ref reader, readItem, out var items, out error);
        value = items;
        return read;
    }

    /// <summary>Reads a JSON object into a dictionary, for a member declared as <see cref="IReadOnlyDictionary{TKey, TValue}"/>.</summary>
    public static bool TryReadReadOnlyDictionary<T>(ref Utf8JsonReader reader, ReadJsonValue<T> readValue, [NotNullWhen(true)] out IReadOnlyDictionary<string, T>? value, [NotNullWhen(false)] out ActionDataError? error)
    {
        var read = TryReadDictionary(ref reader, readValue, out var entries, out error);
        value = entries;
        return read;
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

    private static bool TryReadKey(ref Utf8JsonReader reader, [NotNullWhen(true)] out string? key, [NotNullWhen(false)] out ActionDataError? error)
    {
        try
        {
            key = reader.GetString()!;
            return Ok(out error);
        }
        catch (InvalidOperationException)
        {
            key = null;
            error = JsonTextError.At(ref reader, "has a key that ");
            return false;
        }
    }
}
