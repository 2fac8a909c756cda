namespace TradeFlow.Server.Bench;

/// <summary>What one <c>tradeflow bench e2e</c> run measured; printed as a table or, with <c>--json</c>, as this document.</summary>
/// <param name="Server">What was measured: the in-process server or the <c>--target</c> address.</param>
/// <param name="Sessions">FIX initiator sessions.</param>
/// <param name="OfferedRate">Orders a second offered over all sessions.</param>
/// <param name="Trades">Measured orders.</param>
/// <param name="Warmup">Orders sent and answered before the measured ones, not measured.</param>
/// <param name="Answered">Measured orders with a final ExecutionReport.</param>
/// <param name="Booked">Answered filled (39=2): booked and journaled durably.</param>
/// <param name="Rejected">Answered rejected (39=8).</param>
/// <param name="Unanswered">Without a final answer when the run stopped waiting.</param>
/// <param name="SessionRejects">Session Rejects (3) and BusinessMessageRejects (j) received.</param>
/// <param name="ElapsedSeconds">From the first measured send to the last final answer.</param>
/// <param name="BookedPerSecond">Booked orders over <paramref name="ElapsedSeconds"/>.</param>
/// <param name="AckLatencyMicroseconds">From each order's send to its final ExecutionReport.</param>
/// <param name="SendLagMicroseconds">How late each order left against its open-loop schedule (back-pressure, or the sender's millisecond sleep).</param>
/// <param name="RejectTexts">Up to five distinct reasons (Text 58) given for rejected orders.</param>
internal sealed record BenchReport(
    string Server,
    int Sessions,
    int OfferedRate,
    int Trades,
    int Warmup,
    long Answered,
    long Booked,
    long Rejected,
    long Unanswered,
    long SessionRejects,
    double ElapsedSeconds,
    double BookedPerSecond,
    BenchLatency AckLatencyMicroseconds,
    BenchLatency SendLagMicroseconds,
    IReadOnlyList<string> RejectTexts)
{
    /// <summary>True when every measured order was answered and booked, and nothing was rejected at session level.</summary>
    public bool Passed => Unanswered == 0 && Rejected == 0 && SessionRejects == 0;
}
