using System.Diagnostics;

namespace TradeFlow.Replay.Rebuild;

/// <summary>
/// When a rebuild saves its state and checkpoint: each save writes every projection's whole state, so saving every
/// fixed number of events makes a rebuild quadratic in the size of the store (a 1M-event rebuild saving every 10,000
/// did not finish in 11 minutes). By default a save is due once <see cref="Interval"/> has passed since the last one
/// — what an interruption can lose, whatever the store's size; <see cref="EveryEvents"/> adds a count, for tests and
/// for operators who want one.
/// </summary>
/// <param name="EveryEvents">Also save after this many events since the last save; null: by time only.</param>
/// <param name="Interval">Save once this much time has passed since the last save.</param>
internal sealed record SavePolicy(int? EveryEvents, TimeSpan Interval)
{
    // The clock is read once per this many events: a timestamp per event would cost more than the check is worth.
    private const int ClockEvery = 1_024;

    /// <summary>Starts counting from now.</summary>
    public Schedule Start() => new(this);

    /// <summary>The running state of one rebuild's saves.</summary>
    internal sealed class Schedule(SavePolicy policy)
    {
        private long _lastSaveTimestamp = Stopwatch.GetTimestamp();
        private long _lastSaveRead;

        /// <summary>Whether a save is due after <paramref name="read"/> events.</summary>
        public bool IsDue(long read) =>
            (policy.EveryEvents is { } every && read - _lastSaveRead >= Math.Max(1, every))
            || (read % ClockEvery == 0 && Stopwatch.GetElapsedTime(_lastSaveTimestamp) >= policy.Interval);

        /// <summary>Records a save after <paramref name="read"/> events.</summary>
        public void Saved(long read)
        {
            _lastSaveRead = read;
            _lastSaveTimestamp = Stopwatch.GetTimestamp();
        }
    }
}
