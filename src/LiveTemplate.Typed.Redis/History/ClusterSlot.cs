using System.Text;

namespace LiveTemplate.Typed.Redis.History;

/// <summary>
/// Redis Cluster's hash slot of a key or channel (CRC16-XMODEM of the name, or of its first non-empty <c>{…}</c>
/// hash tag, modulo 16,384), and for every slot a short hash tag known to hash to it: a history key built as
/// <c>{tag}…</c> lives in its channel's slot whatever the channel's ids contain, braces included.
/// </summary>
internal static class ClusterSlot
{
    public const int Count = 16384;

    private static readonly ushort[] Table = BuildTable();
    private static readonly Lazy<string[]> Tags = new(BuildTags);

    /// <summary>The slot Redis Cluster puts <paramref name="name"/> in.</summary>
    public static int Of(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        ReadOnlySpan<byte> hashed = bytes;
        var open = hashed.IndexOf((byte)'{');
        if (open >= 0)
        {
            var close = hashed[(open + 1)..].IndexOf((byte)'}');
            if (close > 0)
            {
                hashed = hashed.Slice(open + 1, close);
            }
        }

        return Crc16(hashed) & (Count - 1);
    }

    /// <summary>A hash tag (without braces) whose slot is <paramref name="slot"/>.</summary>
    public static string TagFor(int slot) => Tags.Value[slot];

    private static int Crc16(ReadOnlySpan<byte> bytes)
    {
        ushort crc = 0;
        foreach (var b in bytes)
        {
            crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xff]);
        }

        return crc;
    }

    private static string[] BuildTags()
    {
        // The shortest base-36 strings, in order, until every slot has one (about 160,000 tries, a few milliseconds).
        var tags = new string[Count];
        var found = 0;
        Span<byte> buffer = stackalloc byte[8];
        for (var n = 0L; found < Count; n++)
        {
            var length = 0;
            var value = n;
            do
            {
                buffer[length++] = (byte)"0123456789abcdefghijklmnopqrstuvwxyz"[(int)(value % 36)];
                value /= 36;
            }
            while (value > 0);

            var slot = Crc16(buffer[..length]) & (Count - 1);
            if (tags[slot] is null)
            {
                tags[slot] = Encoding.ASCII.GetString(buffer[..length]);
                found++;
            }
        }

        return tags;
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
