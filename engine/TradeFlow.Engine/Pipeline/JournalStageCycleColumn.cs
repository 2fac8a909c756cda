namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// The columns of a <see cref="JournalStageCycles"/> record. Each point in time is followed by the journal thread's
/// on-CPU and run-queue nanoseconds at that point (<see cref="JournalStageThreadTime"/>), in that order.
/// </summary>
internal enum JournalStageCycleColumn
{
    /// <summary>The batch's first slot reached the stage (the stage woke, or was already running).</summary>
    Start = 0,

    /// <summary>The batch is serialized and the commit starts (its write).</summary>
    CommitStart = 3,

    /// <summary>The write returned; the fsync starts.</summary>
    WriteEnd = 6,

    /// <summary>The fsync returned: the cycle's end.</summary>
    SyncEnd = 9,

    /// <summary>How many ring slots the batch held.</summary>
    Slots = 12,

    /// <summary>The publish stage started its next batch after this cycle (publish thread).</summary>
    PublishStart = 13,

    /// <summary>How many columns there are.</summary>
    Count = 14,
}
