namespace TeamBoard.Board;

/// <summary>Every card of a board, sent to a browser when it connects.</summary>
public sealed record BoardSnapshot(IReadOnlyList<Card> Cards);
