using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LiveTemplate.Typed.Actions;

/// <summary>
/// Serialises and deserialises typed actions with their generated code: no reflection and no
/// <see cref="JsonSerializer"/>, so it is trimming and AOT safe.
/// </summary>
public static class ActionJson
{
    // A thread keeps its writer and buffer between calls unless the buffer grew beyond this.
    private const int MaxRetainedBufferBytes = 64 * 1024;

    [ThreadStatic]
    private static CachedWriter? t_cached;

    /// <summary>
    /// Serialises <paramref name="action"/> to a new array of UTF-8 JSON (one object), sized exactly. The array
    /// is the caller's: it can be handed to a broadcaster, which may keep referring to it.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> is null.</exception>
    /// <exception cref="ArgumentException">A <see cref="float"/> or <see cref="double"/> member is NaN or infinite, or a value whose declared type accepts no null is null (which every reader would refuse).</exception>
    /// <exception cref="InvalidOperationException">The data nests deeper than <see cref="Wire.EnvelopeLimits.MaxDataDepth"/> (a cycle, for example).</exception>
    public static byte[] SerializeToUtf8Bytes<TAction>(TAction action)
        where TAction : IAction<TAction>
    {
        if (action is null)
        {
            throw new ArgumentNullException(nameof(action));
        }

        var cached = t_cached;
        if (cached is null || cached.InUse)
        {
            cached = new CachedWriter();
        }

        cached.InUse = true;
        try
        {
            var writer = cached.Rent();
            TAction.Write(writer, action);
            writer.Flush();
            return cached.Buffer.WrittenSpan.ToArray();
        }
        finally
        {
            cached.InUse = false;
            t_cached = cached.Buffer.Capacity <= MaxRetainedBufferBytes ? cached : null;
        }
    }

    /// <summary>Writes <paramref name="action"/> as one JSON object to <paramref name="writer"/>.</summary>
    public static void Write<TAction>(Utf8JsonWriter writer, TAction action)
        where TAction : IAction<TAction>
    {
        ArgumentNullException.ThrowIfNull(writer);
        TAction.Write(writer, action);
    }

    /// <summary>
    /// Reads an action from its UTF-8 JSON data (empty data reads as <c>{}</c>). Never throws for bad input:
    /// returns false with an <paramref name="error"/> that names the offending member.
    /// </summary>
    public static bool TryRead<TAction>(ReadOnlySpan<byte> utf8Json, [MaybeNullWhen(false)] out TAction action, [NotNullWhen(false)] out ActionDataError? error)
        where TAction : IAction<TAction>
        => TAction.TryRead(utf8Json, out action, out error);

    private sealed class CachedWriter
    {
        private readonly Utf8JsonWriter _writer;

        public CachedWriter() => _writer = new Utf8JsonWriter(Buffer, new JsonWriterOptions { MaxDepth = Wire.EnvelopeLimits.MaxDataDepth });

        public ArrayBufferWriter<byte> Buffer { get; } = new(256);

        public bool InUse { get; set; }

        public Utf8JsonWriter Rent()
        {
            Buffer.ResetWrittenCount();
            _writer.Reset(Buffer);
            return _writer;
        }
    }
}
