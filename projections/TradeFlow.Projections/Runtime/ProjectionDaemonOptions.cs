namespace TradeFlow.Projections.Runtime;

/// <summary>How often a <see cref="ProjectionDaemon"/> saves its projections' state and checkpoint.</summary>
public sealed class ProjectionDaemonOptions
{
    /// <summary>The defaults: every 250,000 events or 10 seconds, whichever comes first.</summary>
    public static ProjectionDaemonOptions Default { get; } = new();

    /// <summary>
    /// Save after this many envelopes since the last save (default 250,000). Each save writes every projection's
    /// whole document, which grows with the book: saving every few thousand events made a long catch-up quadratic
    /// in the store (the same defect <c>tradeflow-replay rebuild</c> had). Smaller leaves less to re-fold after a
    /// crash; <see cref="SaveInterval"/> bounds that in time.
    /// </summary>
    public int SaveEvery { get; init; } = 250_000;

    /// <summary>
    /// Save when this much time has passed since the last save and something was folded since,
    /// so that a quiet stream does not leave its last events unsaved until the next burst (default 10 s: a
    /// restart re-folds at most about that much of the stream).
    /// </summary>
    public TimeSpan SaveInterval { get; init; } = TimeSpan.FromSeconds(10);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(SaveEvery, 1, nameof(SaveEvery));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(SaveInterval, TimeSpan.Zero, nameof(SaveInterval));
    }
}
