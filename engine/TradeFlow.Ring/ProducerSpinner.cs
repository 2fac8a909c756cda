namespace TradeFlow.Ring;

/// <summary>
/// How a producer waits for a full ring to drain: spin briefly, then yield the core (on a 2-core
/// machine the consumer it waits for may need exactly this core), and only after a long wait
/// sleep, so a halted or stalled consumer does not make its producers burn the machine.
/// </summary>
/// <remarks>
/// The sleep threshold is deliberately high. With 1,000 rounds (about a millisecond of yielding)
/// a consumer merely preempted for one time slice sent three producers into 1 ms sleeps, and the
/// 3P→1C benchmark collapsed from ~40 to ~600 ns per event: a full ring drains in microseconds,
/// a sleep costs a millisecond.
/// </remarks>
internal struct ProducerSpinner
{
    private const int YieldingRounds = 100_000;
    private SpinWait _spinner;

    public void SpinOnce()
    {
        // SpinWait spins a few rounds, then alternates Thread.Yield and Sleep(0); -1 keeps it from
        // Sleep(1) until we have waited a long while.
        _spinner.SpinOnce(sleep1Threshold: _spinner.Count < YieldingRounds ? -1 : 0);
    }
}
