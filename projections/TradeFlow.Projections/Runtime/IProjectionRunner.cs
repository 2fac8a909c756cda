using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Runtime;

/// <summary>
/// A <see cref="ProjectionRunner{TProjection}"/> seen without its projection type, so that a daemon can drive
/// runners of different projections from one subscription.
/// </summary>
public interface IProjectionRunner
{
    /// <summary>The projection's name (its checkpoint key).</summary>
    string Name { get; }

    /// <summary>The last global position folded (or skipped).</summary>
    GlobalPosition Checkpoint { get; }

    /// <summary>Loads the saved snapshot, or starts from zero when there is none or it is of another version.</summary>
    ValueTask<ProjectionStart> StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Folds one event; false when it is at or before the checkpoint.</summary>
    bool Apply(in ProjectionEvent e);

    /// <summary>Folds a recorded envelope; a non-trade envelope only moves the checkpoint.</summary>
    bool Apply(RecordedEvent recorded);

    /// <summary>Saves state and checkpoint together, optimistic on what this runner last loaded or saved.</summary>
    /// <exception cref="ProjectionConflictException">Another runner advanced the checkpoint.</exception>
    ValueTask SaveAsync(CancellationToken cancellationToken = default);

    /// <summary>The SHA-256 of the current state.</summary>
    string StateHash();
}
