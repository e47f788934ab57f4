using System.Threading.Channels;

namespace LiveTemplate.Typed.Testing;

/// <summary>Bounded waits: every wait in the tests ends, with a clear failure, after a timeout.</summary>
public static class Eventually
{
    /// <summary>The default bound for a message to arrive.</summary>
    public static readonly TimeSpan MessageTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Reads the next item or fails after <paramref name="timeout"/>.</summary>
    public static async Task<T> NextAsync<T>(this ChannelReader<T> reader, TimeSpan? timeout = null, string? what = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? MessageTimeout);
        try
        {
            return await reader.ReadAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"Nothing arrived within {timeout ?? MessageTimeout}{(what is null ? string.Empty : ": " + what)}.");
        }
    }

    /// <summary>Reads the next <paramref name="count"/> items, failing after <paramref name="timeout"/> in all.</summary>
    public static async Task<List<T>> NextAsync<T>(this ChannelReader<T> reader, int count, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? MessageTimeout);
        var items = new List<T>(count);
        try
        {
            while (items.Count < count)
            {
                items.Add(await reader.ReadAsync(cts.Token).ConfigureAwait(false));
            }
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"Only {items.Count} of {count} items arrived within {timeout ?? MessageTimeout}.");
        }

        return items;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, failing after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not true within {timeout}: {what}.");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }
}
