using System.Diagnostics;
using TradeFlow.Engine;

namespace TradeFlow.Server.Demo;

/// <summary>
/// Collects the outcomes of one batch of submitted commands and the submit-to-ack latency of each.
/// <see cref="OnCompleted"/> runs on the engine's publish thread, so it only stores and counts down;
/// the token is the command's index in the batch, so nothing allocates per command.
/// </summary>
internal sealed class OutcomeRecorder : ICommandCompletion, IDisposable
{
    private readonly CommandOutcome[] _outcomes;
    private readonly long[] _submittedAt;
    private readonly long[] _latencyTicks;
    private readonly CountdownEvent _pending;

    public OutcomeRecorder(int count)
    {
        _outcomes = new CommandOutcome[count];
        _submittedAt = new long[count];
        _latencyTicks = new long[count];
        _pending = new CountdownEvent(count);
    }

    public IReadOnlyList<CommandOutcome> Outcomes => _outcomes;

    /// <summary>Submit-to-durable-ack latencies in <see cref="Stopwatch"/> ticks, by command index.</summary>
    public IReadOnlyList<long> LatencyTicks => _latencyTicks;

    /// <summary>Marks command <paramref name="index"/> as submitted now.</summary>
    public void Submitting(int index) => _submittedAt[index] = Stopwatch.GetTimestamp();

    public void OnCompleted(long token, in CommandOutcome outcome)
    {
        _latencyTicks[token] = Stopwatch.GetTimestamp() - _submittedAt[token];
        _outcomes[token] = outcome;
        _pending.Signal();
    }

    /// <summary>Waits until every command of the batch has its outcome; false on timeout (a lost ack).</summary>
    public bool WaitAll(TimeSpan timeout) => _pending.Wait(timeout);

    public void Dispose() => _pending.Dispose();
}
