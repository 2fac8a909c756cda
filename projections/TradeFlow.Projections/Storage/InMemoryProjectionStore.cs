using System.Collections.Concurrent;

namespace TradeFlow.Projections.Storage;

/// <summary>A projection store in memory, with the same compare-and-swap rule as the durable ones (tests, demos).</summary>
public sealed class InMemoryProjectionStore : IProjectionStore
{
    private readonly ConcurrentDictionary<string, ProjectionSnapshot> _snapshots = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public ValueTask<ProjectionSnapshot?> LoadAsync(string projectionName, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_snapshots.GetValueOrDefault(projectionName));

    /// <inheritdoc />
    public ValueTask<ProjectionSaveResult> SaveAsync(ProjectionSnapshot snapshot, ExpectedCheckpoint expected,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_gate)
        {
            var actual = _snapshots.TryGetValue(snapshot.Name, out var current) ? current.Token : ExpectedCheckpoint.None;
            if (actual != expected)
            {
                return ValueTask.FromResult(new ProjectionSaveResult(false, actual));
            }

            _snapshots[snapshot.Name] = snapshot with { State = snapshot.State.ToArray() };
            return ValueTask.FromResult(new ProjectionSaveResult(true, snapshot.Token));
        }
    }
}
