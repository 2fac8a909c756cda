namespace TradeFlow.Engine;

/// <summary>
/// Optional companion of <see cref="ICommandDecision"/>: a completion that also implements it hears, on the journal
/// stage's thread, that the commands it was told were decided are now <b>written</b> to the journal and their fsync is
/// about to start — once per group commit (per completion object, however many of its commands the commit holds),
/// and also after a ring batch whose decided commands needed no write (duplicates) or whose commit failed. With a
/// store that cannot split its commit into a write and an fsync (not an <see cref="EventSourcing.IPipelinedEventJournal"/>: the
/// in-memory store, PostgreSQL) it is called just before that commit instead. A gateway writes then what it
/// stored in <see cref="ICommandDecision.OnDecided"/> (without its own fsync yet), so that the file system's journal
/// commit made by the engine's fsync carries both files' bytes, and the gateway's own fsync that follows finds
/// them committed instead of starting a second, serialised commit (docs/fix.md). Not an acknowledgement, as for
/// <see cref="ICommandDecision"/>: the fsync may still fail. Must be quick and must not block: the fsync waits behind it.
/// </summary>
public interface ICommandDecisionsWritten
{
    /// <summary>Every command this completion heard <see cref="ICommandDecision.OnDecided"/> for so far is written (or needed no write).</summary>
    void OnDecisionsWritten();
}
