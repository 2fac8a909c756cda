namespace TradeFlow.Engine;

/// <summary>
/// A snapshot of the engine's running figures (<see cref="TradeEngine.Metrics"/>), read without locks from
/// counters the stages keep with <see cref="Volatile"/> writes; taking it allocates nothing. Commands per second
/// are the caller's: two snapshots' <see cref="CommandsCompleted"/> over the time between them.
/// </summary>
/// <param name="RingCapacity">Slots in the input ring.</param>
/// <param name="RingOccupancy">Slots claimed by producers and not yet through the last stage (0 when idle).</param>
/// <param name="CommandsCompleted">Commands answered since start (duplicates and rejections included).</param>
/// <param name="Commits">Durable group commits since start (with a pipelining store, fsyncs: each may cover several writes).</param>
/// <param name="EventsCommitted">Events those commits made durable.</param>
/// <param name="CommitLatencyLastMicroseconds">The last commit's latency, µs (the durable call: the fsync with a pipelining store, else the whole append).</param>
/// <param name="CommitLatencyMeanMicroseconds">The mean commit latency since start, µs.</param>
/// <param name="CommitLatencyP50Microseconds">Median commit latency since start, µs (upper bound of its power-of-two bucket).</param>
/// <param name="CommitLatencyP99Microseconds">99th percentile commit latency since start, µs (upper bound of its bucket).</param>
/// <param name="CommitLatencyMaxMicroseconds">The slowest commit since start, µs.</param>
public readonly record struct EngineMetrics(
    int RingCapacity,
    long RingOccupancy,
    long CommandsCompleted,
    long Commits,
    long EventsCommitted,
    double CommitLatencyLastMicroseconds,
    double CommitLatencyMeanMicroseconds,
    double CommitLatencyP50Microseconds,
    double CommitLatencyP99Microseconds,
    double CommitLatencyMaxMicroseconds);
