namespace LiveTemplate.Typed.AspNetCore.Sessions;

/// <summary>
/// A token bucket: holds up to <c>capacity</c> tokens, refilled at <c>perSecond</c>; each frame takes one. Used by one
/// receive loop only, so it needs no lock and no timer.
/// </summary>
internal sealed class TokenBucket
{
    private readonly double _capacity;
    private readonly double _perTick;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _last;

    public TokenBucket(int capacity, double perSecond, TimeProvider time)
    {
        _capacity = capacity;
        _perTick = perSecond / time.TimestampFrequency;
        _time = time;
        _tokens = capacity;
        _last = time.GetTimestamp();
    }

    public bool TryTake()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_capacity, _tokens + ((now - _last) * _perTick));
        _last = now;
        if (_tokens < 1)
        {
            return false;
        }

        _tokens -= 1;
        return true;
    }
}
