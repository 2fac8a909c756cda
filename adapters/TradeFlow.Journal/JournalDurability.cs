namespace TradeFlow.Journal;

/// <summary>When appends are made durable.</summary>
public enum JournalDurability
{
    /// <summary>One fsync per commit, before the append returns (the default; an ack never precedes it).</summary>
    EveryBatch,

    /// <summary>No fsync at all: a crash can lose acknowledged commits. Only for benchmarks that isolate CPU cost.</summary>
    NoFsyncBenchmarkOnly,
}
