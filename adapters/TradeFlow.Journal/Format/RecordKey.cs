namespace TradeFlow.Journal.Format;

/// <summary>The fixed fields of a record body that recovery and idempotency checks need.</summary>
internal readonly record struct RecordKey(byte Flags, long Position, long StreamVersion, Guid EventId)
{
    /// <summary>True when the record ends its commit.</summary>
    public bool IsCommit => (Flags & JournalFormat.CommitFlag) != 0;
}
