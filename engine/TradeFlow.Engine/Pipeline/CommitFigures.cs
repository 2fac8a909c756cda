namespace TradeFlow.Engine.Pipeline;

/// <summary>
/// The durable group commits' figures for <see cref="EngineMetrics"/>: how many, how long, how many events. Written by
/// the one stage that makes commits durable — the sync stage when the store pipelines its commits
/// (<see cref="TradeFlow.EventSourcing.IPipelinedEventJournal"/>), else the journal stage, whose append is the durable
/// commit — so one writer, and plain increments published with <see cref="Volatile"/>; read from any thread.
/// </summary>
internal sealed class CommitFigures
{
    private long _eventsCommitted;

    /// <summary>Commit latency since start (the durable call: the fsync, or the whole append when not pipelined).</summary>
    public CommitLatency Latency { get; } = new();

    /// <summary>Durable commits so far.</summary>
    public long Commits => Latency.Count;

    /// <summary>Events made durable by those commits.</summary>
    public long EventsCommitted => Volatile.Read(ref _eventsCommitted);

    /// <summary>Records one durable commit of <paramref name="events"/> events that took <paramref name="elapsedTicks"/>.</summary>
    public void Record(long elapsedTicks, long events)
    {
        Volatile.Write(ref _eventsCommitted, _eventsCommitted + events);
        Latency.Record(elapsedTicks);
    }
}
