namespace TeamBoard.Board;

/// <summary>The board's columns, left to right, and the cards a new board starts with.</summary>
public static class Columns
{
    public static readonly IReadOnlyList<string> All = ["todo", "doing", "done"];

    public static readonly IReadOnlyList<Card> Seed =
    [
        new(1, "Write the release notes", "todo"),
        new(2, "Review the pull request", "doing"),
        new(3, "Set up the build", "done"),
    ];

    public static bool IsValid(string column) => All.Contains(column);
}
