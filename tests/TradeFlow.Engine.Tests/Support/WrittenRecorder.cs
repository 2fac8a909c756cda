using System.Collections.Concurrent;
using TradeFlow.Journal;

namespace TradeFlow.Engine.Tests.Support;

/// <summary>
/// A completion that hears decisions and the "written" notice (<see cref="ICommandDecisionsWritten"/>), and records,
/// in order, what it heard — for each notice, what the journal had written, made durable and started to fsync then.
/// </summary>
internal sealed class WrittenRecorder(EventJournal? journal = null, GatedFsync? fsync = null)
    : ICommandCompletion, ICommandDecision, ICommandDecisionsWritten, IDisposable
{
    private readonly ConcurrentQueue<string> _heard = new();
    private readonly ConcurrentQueue<(long Written, long Durable, int Fsyncs)> _notices = new();
    private readonly SemaphoreSlim _noticed = new(0);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<CommandOutcome>> _completed = new();

    /// <summary>What was heard, in order: "decided N", "written", "completed N".</summary>
    public IReadOnlyList<string> Heard => [.. _heard];

    /// <summary>For each written notice: the journal's written head, durable head and the fsyncs started so far.</summary>
    public IReadOnlyList<(long Written, long Durable, int Fsyncs)> Notices => [.. _notices];

    public void OnDecided(long token, in CommandOutcome outcome) => _heard.Enqueue($"decided {token}");

    public void OnDecisionsWritten()
    {
        _notices.Enqueue((journal?.WrittenPosition.Value ?? 0, journal?.HeadPosition.Value ?? 0, fsync?.Calls ?? 0));
        _heard.Enqueue("written");
        _noticed.Release();
    }

    public void OnCompleted(long token, in CommandOutcome outcome)
    {
        _heard.Enqueue($"completed {token}");
        For(token).TrySetResult(outcome);
    }

    public void Dispose() => _noticed.Dispose();

    public Task<bool> WaitForNoticeAsync() => _noticed.WaitAsync(EngineHarness.Timeout);

    public Task<CommandOutcome> Completed(long token) => For(token).Task.WaitAsync(EngineHarness.Timeout);

    private TaskCompletionSource<CommandOutcome> For(long token) =>
        _completed.GetOrAdd(token, _ => new TaskCompletionSource<CommandOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
}
