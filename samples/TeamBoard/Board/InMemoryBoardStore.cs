using System.Collections.Concurrent;
using LiveTemplate.Typed;

namespace TeamBoard.Board;

/// <summary>Boards in this process's memory: right for one instance (the in-memory broadcaster's tier).</summary>
public sealed class InMemoryBoardStore : IBoardStore
{
    private readonly ConcurrentDictionary<GroupId, Dictionary<int, Card>> _boards = new();

    public Task<BoardSnapshot> LoadAsync(GroupId board, CancellationToken ct)
    {
        var cards = Cards(board);
        lock (cards)
        {
            return Task.FromResult(new BoardSnapshot([.. cards.Values.OrderBy(c => c.Id)]));
        }
    }

    public Task<Card?> MoveAsync(GroupId board, int cardId, string column, CancellationToken ct)
    {
        var cards = Cards(board);
        lock (cards)
        {
            if (!cards.TryGetValue(cardId, out var card))
            {
                return Task.FromResult<Card?>(null);
            }

            return Task.FromResult<Card?>(cards[cardId] = card with { Column = column });
        }
    }

    public Task<Card> AddAsync(GroupId board, string title, CancellationToken ct)
    {
        var cards = Cards(board);
        lock (cards)
        {
            var card = new Card(cards.Keys.DefaultIfEmpty(0).Max() + 1, title, Columns.All[0]);
            cards.Add(card.Id, card);
            return Task.FromResult(card);
        }
    }

    private Dictionary<int, Card> Cards(GroupId board) => _boards.GetOrAdd(board, static _ => Columns.Seed.ToDictionary(c => c.Id));
}
