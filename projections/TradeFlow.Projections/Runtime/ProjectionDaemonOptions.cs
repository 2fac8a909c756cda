namespace TradeFlow.Projections.Runtime;

/// <summary>How often a <see cref="ProjectionDaemon"/> saves its projections' state and checkpoint.</summary>
public sealed class ProjectionDaemonOptions
{
    /// <summary>The defaults: every 1,000 events or 5 seconds.</summary>
    public static ProjectionDaemonOptions Default { get; } = new();

    /// <summary>
    /// Save after this many envelopes since the last save (default 1,000). Larger is faster (each save writes
    /// every projection's whole document) but leaves more to re-fold after a crash.
    /// </summary>
    public int SaveEvery { get; init; } = 1000;

    /// <summary>
    /// Save when this much time has passed since the last save and something was folded since (default 5 s),
    /// so that a quiet stream does not leave its last events unsaved until the next burst.
    /// </summary>
    public TimeSpan SaveInterval { get; init; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SaveEvery, 1, nameof(SaveEvery));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SaveInterval, TimeSpan.Zero, nameof(SaveInterval));
    }
}
