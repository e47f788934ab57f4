using System.Text.Json;
using LiveTemplate.Typed;
using StackExchange.Redis;

namespace TeamBoard.Board;

/// <summary>
/// Boards in Redis (a hash of cards per board and a counter for new ids), so that every instance, and a browser
/// that reconnects to another one, sees the same board.
/// </summary>
public sealed class RedisBoardStore(IConnectionMultiplexer redis) : IBoardStore
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<BoardSnapshot> LoadAsync(GroupId board, CancellationToken ct)
    {
        var key = CardsKey(board);
        if (!await Db.KeyExistsAsync(key))
        {
            foreach (var card in Columns.Seed)
            {
                await Db.HashSetAsync(key, card.Id, Serialize(card), When.NotExists);
            }

            await Db.StringSetAsync(NextIdKey(board), Columns.Seed.Count, when: When.NotExists);
        }

        var entries = await Db.HashGetAllAsync(key);
        return new BoardSnapshot([.. entries.Select(e => Deserialize(e.Value)).OrderBy(c => c.Id)]);
    }

    public async Task<Card?> MoveAsync(GroupId board, int cardId, string column, CancellationToken ct)
    {
        var stored = await Db.HashGetAsync(CardsKey(board), cardId);
        if (stored.IsNull)
        {
            return null;
        }

        var moved = Deserialize(stored) with { Column = column };
        await Db.HashSetAsync(CardsKey(board), cardId, Serialize(moved));
        return moved;
    }

    public async Task<Card> AddAsync(GroupId board, string title, CancellationToken ct)
    {
        var card = new Card((int)await Db.StringIncrementAsync(NextIdKey(board)), title, Columns.All[0]);
        await Db.HashSetAsync(CardsKey(board), card.Id, Serialize(card));
        return card;
    }

    private static RedisKey CardsKey(GroupId board) => "teamboard:" + board.Value + ":cards";

    private static RedisKey NextIdKey(GroupId board) => "teamboard:" + board.Value + ":next-id";

    private static string Serialize(Card card) => JsonSerializer.Serialize(card, BoardJson.Default.Card);

    private static Card Deserialize(RedisValue value) => JsonSerializer.Deserialize((string)value!, BoardJson.Default.Card)!;
}
