using System.Collections.Concurrent;

namespace TradeFlow.Engine.Tests.Support;

/// <summary>A completion that also hears decisions (<see cref="ICommandDecision"/>), recording both by token.</summary>
internal sealed class DecisionRecorder : ICommandCompletion, ICommandDecision
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<CommandOutcome>> _decided = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<CommandOutcome>> _completed = new();
    private readonly ConcurrentDictionary<long, bool> _decidedBeforeCompleted = new();

    public void OnDecided(long token, in CommandOutcome outcome)
    {
        _decidedBeforeCompleted.TryAdd(token, !For(_completed, token).Task.IsCompleted);
        For(_decided, token).TrySetResult(outcome);
    }

    public void OnCompleted(long token, in CommandOutcome outcome) => For(_completed, token).TrySetResult(outcome);

    public Task<CommandOutcome> Decided(long token) => For(_decided, token).Task.WaitAsync(EngineHarness.Timeout);

    public Task<CommandOutcome> Completed(long token) => For(_completed, token).Task.WaitAsync(EngineHarness.Timeout);

    public bool WasDecided(long token) => _decided.TryGetValue(token, out var tcs) && tcs.Task.IsCompleted;

    public bool DecidedBeforeCompleted(long token) => _decidedBeforeCompleted.TryGetValue(token, out var before) && before;

    private static TaskCompletionSource<CommandOutcome> For(ConcurrentDictionary<long, TaskCompletionSource<CommandOutcome>> map, long token) =>
        map.GetOrAdd(token, _ => new TaskCompletionSource<CommandOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
}
