namespace TradeFlow.Ring;

/// <summary>
/// How a producer waits for a full ring to drain: spin briefly, then yield the core (on a 2-core
/// machine the consumer it waits for may need exactly this core), then sleep, so a stalled
/// consumer does not make its producers burn the machine.
/// </summary>
internal struct ProducerSpinner
{
    private const int YieldingRounds = 1000;
    private SpinWait _spinner;

    public void SpinOnce()
    {
        // SpinWait spins a few rounds, then alternates Thread.Yield and Sleep(0); -1 keeps it from
        // Sleep(1) until we have waited a while, since a full ring usually drains in microseconds.
        _spinner.SpinOnce(sleep1Threshold: _spinner.Count < YieldingRounds ? -1 : 0);
    }
}
