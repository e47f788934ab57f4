namespace TeamBoard.Board;

/// <summary>A card on a board: its id, title and column.</summary>
public sealed record Card(int Id, string Title, string Column);
