using LiveTemplate.Typed.Presence;

namespace TeamBoard.Board;

/// <summary>
/// Who is on a board, as every browser of the board sees it: the name (the signed-in user, or "guest"), a colour of
/// that name, and the card the person is editing (null: none). The server sets it; a browser only chooses the card.
/// </summary>
[PresenceMetadata]
public sealed partial record BoardPresence(string Name, string Color, int? EditingCardId)
{
    private static readonly string[] Palette = ["#e11d48", "#2563eb", "#16a34a", "#d97706", "#7c3aed", "#0891b2", "#db2777", "#4d7c0f"];

    /// <summary>The colour of <paramref name="name"/>: the same on every instance (FNV-1a of the name, not the per-process string hash).</summary>
    public static string ColorOf(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Palette[hash % (uint)Palette.Length];
    }
}
