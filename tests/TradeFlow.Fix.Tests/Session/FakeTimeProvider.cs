namespace TradeFlow.Fix.Tests.Session;

/// <summary>
/// A clock tests move by hand. Timers fire synchronously inside <see cref="Advance"/> when their due time has come,
/// so heartbeat and latency rules are tested without waiting.
/// </summary>
internal sealed class FakeTimeProvider : TimeProvider
{
    private readonly Lock _sync = new();
    private readonly List<FakeTimer> _timers = [];
    private DateTimeOffset _now;

    public FakeTimeProvider(DateTimeOffset start) => _now = start;

    /// <summary>Starts on a Tuesday at 10:00 UTC, inside any daytime session.</summary>
    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 3, 17, 10, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_sync)
        {
            return _now;
        }
    }

    /// <summary>Moves time forward, one second at a time, firing due timers at each step (as the real clock would).</summary>
    public void Advance(TimeSpan by)
    {
        var end = GetUtcNow() + by;
        while (true)
        {
            FakeTimer[] due;
            lock (_sync)
            {
                var step = _now.AddSeconds(1) < end ? _now.AddSeconds(1) : end;
                _now = step;
                due = _timers.Where(t => t.Due <= step).ToArray();
            }

            foreach (var timer in due)
            {
                timer.Fire();
            }

            if (GetUtcNow() >= end)
            {
                return;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_sync)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    private void Remove(FakeTimer timer)
    {
        lock (_sync)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period;

        public DateTimeOffset Due { get; private set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            Due = dueTime == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : owner.GetUtcNow() + dueTime;
            return true;
        }

        public void Fire()
        {
            Due = _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? DateTimeOffset.MaxValue : owner.GetUtcNow() + _period;
            callback(state);
        }

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
