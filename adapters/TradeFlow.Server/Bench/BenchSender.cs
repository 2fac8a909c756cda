using System.Diagnostics;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Server.Bench;

/// <summary>
/// Offers one phase's orders open-loop: order <i>k</i> of the phase is due at start + <i>k</i>/rate and goes out on
/// session <i>k</i> mod S, whatever the answers to earlier orders. Each session has its own sender thread that sends
/// every order already due, then sleeps until the next is (the OS's millisecond sleep, so orders leave in bursts of
/// at most about a millisecond's worth: spinning would take a core from the server on this two-core machine). A
/// sender falls behind its schedule only when its socket pushes back; how far behind is reported as the send lag.
/// </summary>
internal sealed class BenchSender
{
    private readonly SessionRegistry _registry;
    private readonly IReadOnlyList<SessionId> _sessions;
    private readonly BenchOrderFlow _flow;
    private readonly BenchLedger _ledger;
    private readonly int _rate;

    /// <summary>Creates a sender of <paramref name="rate"/> orders a second over <paramref name="sessions"/>.</summary>
    public BenchSender(SessionRegistry registry, IReadOnlyList<SessionId> sessions, BenchOrderFlow flow, BenchLedger ledger, int rate)
    {
        _registry = registry;
        _sessions = sessions;
        _flow = flow;
        _ledger = ledger;
        _rate = rate;
    }

    /// <summary>
    /// Sends orders <paramref name="first"/>..first+count-1 on schedule and returns, when all are sent, how late
    /// each was sent (nanoseconds behind its due time).
    /// </summary>
    public LatencyHistogram Send(long first, long count)
    {
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 1000;
        var lags = new LatencyHistogram[_sessions.Count];
        var threads = new Thread[_sessions.Count];
        for (var s = 0; s < _sessions.Count; s++)
        {
            var session = s;
            lags[s] = new LatencyHistogram();
            threads[s] = new Thread(() => SendSession(session, first, count, start, lags[session]))
            {
                IsBackground = true,
                Name = "bench-sender-" + _sessions[s].SenderCompID,
            };
            threads[s].Start();
        }

        var lag = new LatencyHistogram();
        for (var s = 0; s < threads.Length; s++)
        {
            threads[s].Join();
            lag.Add(lags[s]);
        }

        return lag;
    }

    private void SendSession(int session, long first, long count, long start, LatencyHistogram lag)
    {
        var fix = _registry[_sessions[session]];
        var body = new FixFieldWriter();
        for (long k = session; k < count; k += _sessions.Count)
        {
            var due = start + (long)(k * (double)Stopwatch.Frequency / _rate);
            WaitUntil(due);
            _flow.Write(first + k, body);
            var now = Stopwatch.GetTimestamp();
            lag.Record(BenchLedger.ToNanoseconds(now - due));
            _ledger.Sending(first + k, now);
            fix.Send(MsgTypes.NewOrderSingle, body);
        }
    }

    private static void WaitUntil(long due)
    {
        while (Stopwatch.GetTimestamp() < due)
        {
            // Pacing an open-loop load, not synchronisation: the next order is simply not due yet.
            Thread.Sleep(1);
        }
    }
}
