using System.Collections.Concurrent;

namespace TradeFlow.Engine.Tests.Support;

/// <summary>Records outcomes by token, with a task per token to await.</summary>
internal sealed class RecordingCompletion : ICommandCompletion
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<CommandOutcome>> _outcomes = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void OnCompleted(long token, in CommandOutcome outcome)
    {
        Interlocked.Increment(ref _count);
        For(token).TrySetResult(outcome);
    }

    public Task<CommandOutcome> WaitFor(long token) => For(token).Task.WaitAsync(EngineHarness.Timeout);

    public bool HasCompleted(long token) => _outcomes.TryGetValue(token, out var tcs) && tcs.Task.IsCompleted;

    private TaskCompletionSource<CommandOutcome> For(long token) =>
        _outcomes.GetOrAdd(token, _ => new TaskCompletionSource<CommandOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
}
