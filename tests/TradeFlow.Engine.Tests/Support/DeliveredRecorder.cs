using System.Collections.Concurrent;

namespace TradeFlow.Engine.Tests.Support;

/// <summary>
/// A completion that also hears the end of each publish batch (<see cref="ICommandCompletionsDelivered"/>), and records,
/// in order, what it heard ("completed N", "delivered") and on which thread.
/// </summary>
internal sealed class DeliveredRecorder : ICommandCompletion, ICommandCompletionsDelivered
{
    private readonly ConcurrentQueue<(string What, int Thread)> _heard = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<CommandOutcome>> _completed = new();
    private readonly TaskCompletionSource _deliveredAfterAll = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _completions;

    /// <summary>How many completions must be heard before <see cref="DeliveredAfterAllAsync"/> completes.</summary>
    public int Expected { get; init; } = 1;

    /// <summary>What was heard, in order, with the managed thread id that heard it.</summary>
    public IReadOnlyList<(string What, int Thread)> Heard => [.. _heard];

    public void OnCompleted(long token, in CommandOutcome outcome)
    {
        _heard.Enqueue(($"completed {token}", Environment.CurrentManagedThreadId));
        Interlocked.Increment(ref _completions);
        For(token).TrySetResult(outcome);
    }

    public void OnCompletionsDelivered()
    {
        _heard.Enqueue(("delivered", Environment.CurrentManagedThreadId));
        if (Volatile.Read(ref _completions) >= Expected)
        {
            _deliveredAfterAll.TrySetResult();
        }
    }

    /// <summary>Completes at the first notice heard after <see cref="Expected"/> completions.</summary>
    public Task DeliveredAfterAllAsync() => _deliveredAfterAll.Task.WaitAsync(EngineHarness.Timeout);

    public Task<CommandOutcome> Completed(long token) => For(token).Task.WaitAsync(EngineHarness.Timeout);

    private TaskCompletionSource<CommandOutcome> For(long token) =>
        _completed.GetOrAdd(token, _ => new TaskCompletionSource<CommandOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
}
