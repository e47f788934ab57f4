using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LiveTemplate.Typed.Wire;

namespace LiveTemplate.Typed.PubSub;

/// <summary>
/// Where a message is in its channel's stream: a contiguous <see cref="Offset"/> (1, 2, 3, … so that a receiver tells
/// a gap from the next message) within an <see cref="Epoch"/>, which changes whenever the stream's history was lost
/// (Redis restarted without persistence, the stream expired or was evicted). Written <c>epoch:offset</c>.
/// </summary>
/// <param name="Epoch">The stream's epoch: 1 to 64 characters from <c>A-Z a-z 0-9 _ -</c>.</param>
/// <param name="Offset">The message's offset in the epoch, from 1; 0 is "before the first message".</param>
public readonly record struct StreamPosition(string Epoch, ulong Offset)
{
    /// <summary>The longest epoch accepted.</summary>
    public const int MaxEpochLength = StreamStamp.MaxEpochLength;

    /// <summary>The text of <see cref="BeforeStream"/>.</summary>
    public const string BeforeStreamText = "none";

    /// <summary>
    /// Before a stream that did not exist yet (written <c>none</c>): a reader there has missed nothing of it, and reading
    /// after it returns the stream from its first message.
    /// </summary>
    public static StreamPosition BeforeStream { get; } = new(string.Empty, 0);

    /// <summary>True for <see cref="BeforeStream"/>.</summary>
    public bool IsBeforeStream => string.IsNullOrEmpty(Epoch);

    /// <summary>The position of the message after this one in the same epoch.</summary>
    public StreamPosition Next => this with { Offset = Offset + 1 };

    /// <summary>True when <paramref name="epoch"/> is a valid epoch.</summary>
    public static bool IsValidEpoch(ReadOnlySpan<char> epoch) => StreamStamp.IsValidEpoch(epoch);

    /// <summary>Reads <c>epoch:offset</c> (or <c>none</c>); false for anything else.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out StreamPosition position)
    {
        position = default;
        if (text == BeforeStreamText)
        {
            position = BeforeStream;
            return true;
        }

        var colon = text?.LastIndexOf(':') ?? -1;
        if (colon <= 0 || !IsValidEpoch(text.AsSpan(0, colon))
            || !ulong.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return false;
        }

        position = new StreamPosition(text![..colon], offset);
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => IsBeforeStream ? BeforeStreamText : string.Create(CultureInfo.InvariantCulture, $"{Epoch}:{Offset}");
}
