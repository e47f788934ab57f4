using System.Text;
using System.Text.Json;

namespace LiveTemplate.Typed.Wire;

/// <summary>
/// What a broadcaster knows that makes decoding cheaper: its own instance id (its echo is recognised before any
/// message is built) and the few strings every envelope repeats (other instances' ids, action names), which are
/// reused instead of allocated again. Safe for concurrent readers.
/// </summary>
internal sealed class EnvelopeReadContext(string ownInstanceId)
{
    // Values longer than this are not remembered, so that a flood of odd input cannot make lookups expensive.
    private const int MaxRememberedBytes = 64;

    private readonly Entry?[] _instanceIds = new Entry?[4];
    private readonly Entry?[] _actions = new Entry?[8];
    private int _nextInstanceId;
    private int _nextAction;

    public string OwnInstanceId { get; } = ownInstanceId;

    /// <summary>A remembered instance id equal to the reader's string value, or null.</summary>
    public string? FindInstanceId(ref Utf8JsonReader reader) => Find(_instanceIds, ref reader);

    /// <summary>A remembered action name equal to the reader's string value, or null.</summary>
    public string? FindAction(ref Utf8JsonReader reader) => Find(_actions, ref reader);

    /// <summary>Remembers another instance's id (only once it came in a valid envelope).</summary>
    public void RememberInstanceId(string value) => Remember(_instanceIds, ref _nextInstanceId, value);

    /// <summary>Remembers a valid action name.</summary>
    public void RememberAction(string value) => Remember(_actions, ref _nextAction, value);

    private static string? Find(Entry?[] entries, ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            return null;
        }

        var value = reader.ValueSpan;
        foreach (var entry in entries)
        {
            if (entry is not null && value.SequenceEqual(entry.Utf8))
            {
                return entry.Value;
            }
        }

        return null;
    }

    private static void Remember(Entry?[] entries, ref int next, string value)
    {
        if (value.Length > MaxRememberedBytes)
        {
            return;
        }

        foreach (var entry in entries)
        {
            if (entry is not null && string.Equals(entry.Value, value, StringComparison.Ordinal))
            {
                return;
            }
        }

        // Round robin: a slot is replaced whole, so a concurrent reader sees the old entry or the new one.
        var slot = (int)((uint)Interlocked.Increment(ref next) % (uint)entries.Length);
        Volatile.Write(ref entries[slot], new Entry(Encoding.UTF8.GetBytes(value), value));
    }

    private sealed record Entry(byte[] Utf8, string Value);
}
