using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace LiveTemplate.Typed.Wire;

/// <summary>
/// Signs and verifies envelopes with HMAC-SHA256 over the channel name and the envelope. The signature travels as
/// the envelope's last field, <c>"sig"</c> (base64); readers that do not sign, Go's included, ignore it as an
/// unknown field. Binding the channel name means a signed message cannot be replayed into another channel. A stream
/// position (<see cref="StreamStamp"/>) is assigned after signing and is not covered.
/// </summary>
internal sealed class EnvelopeSigner
{
    private const int MacBytes = 32;
    private static readonly byte[] Separator = [0];
    private static ReadOnlySpan<byte> Prefix => ",\"sig\":\""u8;

    // ,"sig":"<44 base64 characters>"}
    internal static readonly int SuffixLength = Prefix.Length + (((MacBytes + 2) / 3) * 4) + 2;
    private readonly byte[] _key;

    public EnvelopeSigner(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("A signing key must be at least 16 bytes long.", nameof(key));
        }

        _key = (byte[])key.Clone();
    }

    /// <summary>Replaces the closing brace of the envelope in <paramref name="envelope"/> with the signature field and a new brace.</summary>
    public void Sign(string channel, PooledBufferWriter envelope)
    {
        Span<byte> mac = stackalloc byte[MacBytes];
        Compute(channel, envelope.WrittenSpan[..^1], mac);
        envelope.Truncate(envelope.WrittenSpan.Length - 1);
        var tail = envelope.GetSpan(SuffixLength);
        Prefix.CopyTo(tail);
        Base64.EncodeToUtf8(mac, tail[Prefix.Length..], out _, out var written);
        tail[Prefix.Length + written] = (byte)'"';
        tail[Prefix.Length + written + 1] = (byte)'}';
        envelope.Advance(SuffixLength);
    }

    /// <summary>True when <paramref name="envelope"/> ends with a signature that matches its content and channel.</summary>
    public bool Verify(string channel, ReadOnlySpan<byte> envelope)
    {
        envelope = envelope.TrimEnd(" \t\r\n"u8);
        if (envelope.Length <= SuffixLength || !envelope[^SuffixLength..].StartsWith(Prefix) || envelope[^2] != (byte)'"' || envelope[^1] != (byte)'}')
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[MacBytes + 2];
        var encoded = envelope[(envelope.Length - SuffixLength + Prefix.Length)..^2];
        if (Base64.DecodeFromUtf8(encoded, claimed, out _, out var decoded) != OperationStatus.Done || decoded != MacBytes)
        {
            return false;
        }

        // A stream position stamped by the transport after signing sits right before the signature: not signed.
        var body = envelope[..^SuffixLength];
        Span<byte> actual = stackalloc byte[MacBytes];
        Compute(channel, body[..StreamStamp.LengthWithout(body)], actual);
        return CryptographicOperations.FixedTimeEquals(actual, claimed[..MacBytes]);
    }

    /// <summary>HMAC over: channel, a zero byte, the envelope without its closing brace (and without the signature).</summary>
    private void Compute(string channel, ReadOnlySpan<byte> unsignedBody, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.UTF8.GetBytes(channel));
        hmac.AppendData(Separator);
        hmac.AppendData(unsignedBody);
        hmac.GetHashAndReset(mac);
    }
}
