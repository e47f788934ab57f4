using LiveTemplate.Typed;

namespace TeamBoard.Board;

/// <summary>Where the cards of every board live: in memory for one instance, in Redis when instances share a Redis.</summary>
public interface IBoardStore
{
    /// <summary>Every card of <paramref name="board"/>; a new board starts with <see cref="Columns.Seed"/>.</summary>
    Task<BoardSnapshot> LoadAsync(GroupId board, CancellationToken ct);

    /// <summary>Moves a card; null when the board has no such card.</summary>
    Task<Card?> MoveAsync(GroupId board, int cardId, string column, CancellationToken ct);

    /// <summary>Adds a card to the first column.</summary>
    Task<Card> AddAsync(GroupId board, string title, CancellationToken ct);
}
