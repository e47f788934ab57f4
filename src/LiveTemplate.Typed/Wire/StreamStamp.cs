using System.Buffers.Text;
using System.Text;

namespace LiveTemplate.Typed.Wire;

/// <summary>
/// The stream position a transport stamps on an envelope of a channel with history: <c>,"epoch":"E","pos":N</c>,
/// inserted as the envelope's last fields, before the signature when there is one (extra fields, which Go ignores).
/// The signature does not cover the stamp: the transport assigns it after signing, so verification strips it.
/// The Redis transport's Lua script writes exactly these bytes too.
/// </summary>
internal static class StreamStamp
{
    /// <summary>The longest epoch accepted (as <c>StreamPosition.MaxEpochLength</c>).</summary>
    public const int MaxEpochLength = 64;

    /// <summary>The most bytes a stamp adds to an envelope.</summary>
    public const int MaxLength = 10 + MaxEpochLength + 8 + 20;

    private static ReadOnlySpan<byte> EpochPrefix => ",\"epoch\":\""u8;

    private static ReadOnlySpan<byte> PositionPrefix => "\",\"pos\":"u8;

    /// <summary>How many bytes at the end of an envelope come after the place of the stamp: the closing brace, or the signature.</summary>
    public static int TailLength(bool signed) => signed ? EnvelopeSigner.SuffixLength : 1;

    /// <summary>True when <paramref name="epoch"/> has only the characters an epoch may have.</summary>
    public static bool IsValidEpoch(ReadOnlySpan<char> epoch)
    {
        if (epoch.IsEmpty || epoch.Length > MaxEpochLength)
        {
            return false;
        }

        foreach (var c in epoch)
        {
            if (!IsEpochChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A copy of <paramref name="envelope"/> with the stamp inserted <paramref name="tailLength"/> bytes before its end.</summary>
    public static byte[] Insert(ReadOnlySpan<byte> envelope, int tailLength, string epoch, ulong offset)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(offset, digits, out var digitCount);
        var epochBytes = Encoding.ASCII.GetByteCount(epoch);
        var stamped = new byte[envelope.Length + EpochPrefix.Length + epochBytes + PositionPrefix.Length + digitCount];
        var body = envelope[..^tailLength];
        body.CopyTo(stamped);
        var at = body.Length;
        EpochPrefix.CopyTo(stamped.AsSpan(at));
        at += EpochPrefix.Length;
        at += Encoding.ASCII.GetBytes(epoch, stamped.AsSpan(at));
        PositionPrefix.CopyTo(stamped.AsSpan(at));
        at += PositionPrefix.Length;
        digits[..digitCount].CopyTo(stamped.AsSpan(at));
        envelope[^tailLength..].CopyTo(stamped.AsSpan(at + digitCount));
        return stamped;
    }

    /// <summary>
    /// The length of <paramref name="body"/> without a stamp at its very end (the whole length when it has none), so
    /// that a signature is checked over what the publisher signed.
    /// </summary>
    public static int LengthWithout(ReadOnlySpan<byte> body)
    {
        var end = body.Length;
        var digits = 0;
        while (end > 0 && digits <= 20 && char.IsAsciiDigit((char)body[end - 1]))
        {
            end--;
            digits++;
        }

        if (digits is 0 or > 20 || !body[..end].EndsWith(PositionPrefix))
        {
            return body.Length;
        }

        end -= PositionPrefix.Length;
        var epochLength = 0;
        while (end > 0 && epochLength <= MaxEpochLength && IsEpochChar((char)body[end - 1]))
        {
            end--;
            epochLength++;
        }

        return epochLength is > 0 and <= MaxEpochLength && body[..end].EndsWith(EpochPrefix) ? end - EpochPrefix.Length : body.Length;
    }

    private static bool IsEpochChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
