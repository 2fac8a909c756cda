using System.Runtime.CompilerServices;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Storage;

namespace TradeFlow.Projections.Runtime;

/// <summary>Catch-up, rebuild, subscription and saving.</summary>
public sealed partial class ProjectionRunner<TProjection>
{
    /// <summary>Folds everything after the checkpoint up to the journal's head; returns how many envelopes were read.</summary>
    public long CatchUp(IEventJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        long read = 0;
        foreach (var recorded in journal.ReadAll(Checkpoint.Next, Direction.Forwards))
        {
            Apply(recorded);
            read++;
        }

        return read;
    }

    /// <summary>Forgets the state and folds the whole log from position 1 (e.g. after a version bump).</summary>
    public long Rebuild(IEventJournal journal)
    {
        Reset();
        return CatchUp(journal);
    }

    /// <summary>Asynchronous <see cref="CatchUp"/> against any store.</summary>
    public async ValueTask<long> CatchUpAsync(IEventStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        long read = 0;
        await foreach (var recorded in store.ReadAllAsync(Checkpoint.Next, Direction.Forwards, long.MaxValue, cancellationToken)
                           .ConfigureAwait(false))
        {
            Apply(recorded);
            read++;
        }

        return read;
    }

    /// <summary>
    /// Follows the store's catch-up subscription from the checkpoint until cancelled, saving every
    /// <paramref name="saveEvery"/> envelopes (and when the subscription ends). <paramref name="onApplied"/>
    /// is told each new checkpoint (tests await it instead of sleeping).
    /// </summary>
    public async Task FollowAsync(IEventStore store, int saveEvery = 1000, Action<GlobalPosition>? onApplied = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(saveEvery, 1);
        var sinceSave = 0;
        try
        {
            await foreach (var recorded in Subscribe(store, cancellationToken).ConfigureAwait(false))
            {
                Apply(recorded);
                onApplied?.Invoke(recorded.Position);
                if (++sinceSave >= saveEvery && _store is not null)
                {
                    await SaveAsync(cancellationToken).ConfigureAwait(false);
                    sinceSave = 0;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancellation is how a subscription ends; what was folded is saved below.
        }

        if (_store is not null && sinceSave > 0)
        {
            await SaveAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Saves state and checkpoint together, on condition that the store still holds what this runner
    /// last loaded or saved.
    /// </summary>
    /// <exception cref="InvalidOperationException">The runner has no store.</exception>
    /// <exception cref="ProjectionConflictException">Another runner advanced the checkpoint.</exception>
    public async ValueTask SaveAsync(CancellationToken cancellationToken = default)
    {
        var store = _store ?? throw new InvalidOperationException($"Projection {Projection.Name} runs without a store.");
        ProjectionSnapshot snapshot;
        lock (_gate)
        {
            var state = Projection.SerializeState();
            snapshot = new ProjectionSnapshot(Projection.Name, Projection.Version, Checkpoint, LastRecordedTime,
                Runtime.StateHash.OfBytes(state), state);
        }

        var result = await store.SaveAsync(snapshot, _saved, cancellationToken).ConfigureAwait(false);
        if (!result.Saved)
        {
            throw new ProjectionConflictException(
                $"Projection {Projection.Name}: expected the saved checkpoint to be {_saved}, found {result.Actual}; another runner advanced it.");
        }

        _saved = result.Actual;
    }

    private void Reset()
    {
        lock (_gate)
        {
            Projection.Reset();
            Checkpoint = GlobalPosition.Start;
            LastRecordedTime = default;
        }
    }

    private async IAsyncEnumerable<RecordedEvent> Subscribe(IEventStore store,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var recorded in store.SubscribeToAllAsync(Checkpoint.Next, cancellationToken).ConfigureAwait(false))
        {
            yield return recorded;
        }
    }
}
