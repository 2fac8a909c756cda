namespace TradeFlow.Projections.Runtime;

/// <summary>How a runner started.</summary>
public enum ProjectionStart
{
    /// <summary>Nothing was saved: the projection starts from the beginning of the log.</summary>
    Fresh = 1,

    /// <summary>The saved state and checkpoint were loaded: catch-up resumes after the checkpoint.</summary>
    Resumed = 2,

    /// <summary>The saved state is of another projection version: it was discarded and the projection rebuilds from zero.</summary>
    RebuildRequired = 3,
}
