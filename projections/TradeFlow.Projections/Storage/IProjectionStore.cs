namespace TradeFlow.Projections.Storage;

/// <summary>
/// Where projections keep their state and checkpoint, saved together in one atomic step. The file store
/// ships here; a PostgreSQL store (state row and checkpoint in one transaction) implements the same contract.
/// </summary>
public interface IProjectionStore
{
    /// <summary>The last saved snapshot of <paramref name="projectionName"/>, or null when none was saved.</summary>
    /// <exception cref="ProjectionStoreCorruptException">The saved snapshot fails its hash check.</exception>
    ValueTask<ProjectionSnapshot?> LoadAsync(string projectionName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the saved snapshot with <paramref name="snapshot"/> if what is stored is
    /// <paramref name="expected"/>; otherwise changes nothing and reports the conflict.
    /// </summary>
    ValueTask<ProjectionSaveResult> SaveAsync(ProjectionSnapshot snapshot, ExpectedCheckpoint expected,
        CancellationToken cancellationToken = default);
}
