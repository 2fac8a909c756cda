using System.Collections.Concurrent;
using System.Diagnostics;

namespace TradeFlow.Server.Bench;

/// <summary>
/// When each order of a run was sent and answered, and how. Order <i>n</i> has one slot written by its session's
/// sender (send time) and one by its session's reader (the final ExecutionReport), so nothing is shared but the
/// counters; latencies are read only after every sender has finished and every answer is in (or the wait gave up).
/// </summary>
internal sealed class BenchLedger
{
    private const int MaxRejectTexts = 5;

    private readonly long[] _sentAt;
    private readonly long[] _answeredAt;
    private readonly bool[] _booked;
    private readonly ConcurrentDictionary<string, byte> _rejectTexts = new(StringComparer.Ordinal);
    private readonly long _warmup;
    private readonly TaskCompletionSource _warmupAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _measuredAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _warmupPending;
    private long _measuredPending;
    private long _duplicateAnswers;
    private long _sessionRejects;

    /// <summary>Creates the ledger of <paramref name="warmup"/> unmeasured orders (numbers 0..warmup-1) then <paramref name="measured"/> measured ones.</summary>
    public BenchLedger(int warmup, int measured)
    {
        _warmup = warmup;
        _sentAt = new long[warmup + measured];
        _answeredAt = new long[warmup + measured];
        _booked = new bool[warmup + measured];
        _warmupPending = warmup;
        _measuredPending = measured;
        if (warmup == 0)
        {
            _warmupAnswered.SetResult();
        }
    }

    /// <summary>Completes when every warm-up order has its final answer.</summary>
    public Task WarmupAnswered => _warmupAnswered.Task;

    /// <summary>Completes when every measured order has its final answer.</summary>
    public Task MeasuredAnswered => _measuredAnswered.Task;

    /// <summary>Final answers for an order already answered (a resend after a reconnect); not counted twice.</summary>
    public long DuplicateAnswers => Interlocked.Read(ref _duplicateAnswers);

    /// <summary>Session-level Rejects (35=3) and BusinessMessageRejects (35=j) received: orders the server never booked or refused.</summary>
    public long SessionRejects => Interlocked.Read(ref _sessionRejects);

    /// <summary>Up to five distinct Text (58) values of rejected orders, to say why.</summary>
    public IReadOnlyList<string> RejectTexts => [.. _rejectTexts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Notes that order <paramref name="number"/> is being sent now (<see cref="Stopwatch"/> timestamp).</summary>
    public void Sending(long number, long timestamp) => _sentAt[number] = timestamp;

    /// <summary>Records the final answer of order <paramref name="number"/>; ignores a second one.</summary>
    public void Answered(long number, bool booked, long timestamp, string? rejectText)
    {
        if (number < 0 || number >= _answeredAt.Length || Interlocked.CompareExchange(ref _answeredAt[number], timestamp, 0) != 0)
        {
            Interlocked.Increment(ref _duplicateAnswers);
            return;
        }

        _booked[number] = booked;
        if (rejectText is not null && _rejectTexts.Count < MaxRejectTexts)
        {
            _rejectTexts.TryAdd(rejectText, 0);
        }

        if (number < _warmup)
        {
            if (Interlocked.Decrement(ref _warmupPending) == 0)
            {
                _warmupAnswered.SetResult();
            }
        }
        else if (Interlocked.Decrement(ref _measuredPending) == 0)
        {
            _measuredAnswered.SetResult();
        }
    }

    /// <summary>Counts a session-level or business-level reject.</summary>
    public void SessionRejected() => Interlocked.Increment(ref _sessionRejects);

    /// <summary>The measured orders' outcomes and send-to-answer latencies (nanoseconds), once the run is over.</summary>
    public BenchTally TallyMeasured()
    {
        var tally = new BenchTally();
        for (var n = _warmup; n < _answeredAt.Length; n++)
        {
            var answeredAt = Volatile.Read(ref _answeredAt[n]);
            if (answeredAt == 0)
            {
                tally.Unanswered++;
                continue;
            }

            tally.Latency.Record(ToNanoseconds(answeredAt - _sentAt[n]));
            tally.FirstSent = Math.Min(tally.FirstSent, _sentAt[n]);
            tally.LastAnswered = Math.Max(tally.LastAnswered, answeredAt);
            if (_booked[n])
            {
                tally.Booked++;
            }
            else
            {
                tally.Rejected++;
            }
        }

        return tally;
    }

    /// <summary>Converts a <see cref="Stopwatch"/> interval to nanoseconds.</summary>
    public static long ToNanoseconds(long ticks) => (long)(Math.Max(0, ticks) * (1_000_000_000d / Stopwatch.Frequency));
}
