using TradeFlow.EventSourcing;
using TradeFlow.Projections.Storage;

namespace TradeFlow.Projections.Runtime;

/// <summary>
/// Runs one projection: owns its checkpoint, feeds it in global order from any source (live envelopes
/// from the engine, a store subscription, a full read), and saves state and checkpoint together.
/// Applying and reading take one uncontended lock, so queries on other threads see whole events only.
/// </summary>
/// <typeparam name="TProjection">The projection type.</typeparam>
public sealed partial class ProjectionRunner<TProjection> : IProjectionRunner
    where TProjection : class, IProjection
{
    private readonly Lock _gate = new();
    private readonly IProjectionStore? _store;
    private ExpectedCheckpoint _saved = ExpectedCheckpoint.None;

    /// <summary>Creates a runner; without a store, state lives only in memory.</summary>
    public ProjectionRunner(TProjection projection, IProjectionStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(projection);
        Projection = projection;
        _store = store;
    }

    /// <summary>The projection (read it through <see cref="Read{T}"/> while the runner is fed on another thread).</summary>
    public TProjection Projection { get; }

    /// <inheritdoc />
    public string Name => Projection.Name;

    /// <summary>The last global position folded (or skipped): catch-up resumes at <c>Checkpoint.Next</c>.</summary>
    public GlobalPosition Checkpoint { get; private set; }

    /// <summary>The recorded time of the last folded event.</summary>
    public DateTimeOffset LastRecordedTime { get; private set; }

    /// <summary>What the store holds for this projection, as far as this runner knows.</summary>
    public ExpectedCheckpoint Saved => _saved;

    /// <summary>
    /// Loads the saved snapshot. A snapshot of another version is discarded (the fold's rules changed) and the
    /// projection starts from zero; the next save then replaces the old snapshot.
    /// </summary>
    public async ValueTask<ProjectionStart> StartAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _store is null ? null : await _store.LoadAsync(Projection.Name, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            Projection.Reset();
            Checkpoint = GlobalPosition.Start;
            LastRecordedTime = default;
            _saved = snapshot?.Token ?? ExpectedCheckpoint.None;
            if (snapshot is null)
            {
                return ProjectionStart.Fresh;
            }

            if (snapshot.Version != Projection.Version)
            {
                return ProjectionStart.RebuildRequired;
            }

            Projection.RestoreState(snapshot.State.Span);
            Checkpoint = snapshot.Checkpoint;
            LastRecordedTime = snapshot.LastRecordedTime;
            return ProjectionStart.Resumed;
        }
    }

    /// <summary>
    /// Folds one event. An event at or before the checkpoint was already folded (live feed and catch-up
    /// overlap at the switch) and is ignored: returns false.
    /// </summary>
    public bool Apply(in ProjectionEvent e)
    {
        lock (_gate)
        {
            if (e.Position <= Checkpoint)
            {
                return false;
            }

            Projection.Apply(e);
            Checkpoint = e.Position;
            LastRecordedTime = e.RecordedTime;
            return true;
        }
    }

    /// <summary>Folds a recorded envelope (deserializing it); a non-trade envelope only moves the checkpoint.</summary>
    public bool Apply(RecordedEvent recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (ProjectionEvents.TryRead(recorded, out var e))
        {
            return Apply(e);
        }

        lock (_gate)
        {
            if (recorded.Position <= Checkpoint)
            {
                return false;
            }

            Checkpoint = recorded.Position;
            return true;
        }
    }

    /// <summary>Runs <paramref name="query"/> against the projection while no event is being applied.</summary>
    public T Read<T>(Func<TProjection, T> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            return query(Projection);
        }
    }

    /// <summary>The SHA-256 of the current state.</summary>
    public string StateHash() => Read(static p => Runtime.StateHash.Of(p));
}
