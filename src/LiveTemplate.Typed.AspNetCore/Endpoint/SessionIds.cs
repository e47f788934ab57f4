using System.Security.Cryptography;

namespace LiveTemplate.Typed.AspNetCore.Endpoint;

/// <summary>
/// Browser session ids (the <c>livetemplate-id</c> cookie) and connection ids: 128 random bits in hex. A session
/// id read from a cookie must look like one (16–128 characters of <c>A–Z a–z 0–9 - _</c>), so that a forged cookie
/// cannot name another kind of group (those carry a ':').
/// </summary>
internal static class SessionIds
{
    public static string New()
    {
        Span<byte> random = stackalloc byte[16];
        RandomNumberGenerator.Fill(random);
        return Convert.ToHexString(random).ToLowerInvariant();
    }

    public static bool IsValid(string? value)
        => value is { Length: >= 16 and <= 128 } && value.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
