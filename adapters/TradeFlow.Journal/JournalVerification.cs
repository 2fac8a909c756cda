namespace TradeFlow.Journal;

/// <summary>How much of the journal is re-verified (CRC and hash chain) when it is opened.</summary>
public enum JournalVerification
{
    /// <summary>
    /// Load the index checkpoint written at the last clean close (if its anchor hash still matches the file)
    /// and verify every record after it. Fast; history before the checkpoint was verified when it was written.
    /// </summary>
    FromCheckpoint,

    /// <summary>Ignore the checkpoint and verify every record of every segment (what <c>tradeflow-replay verify</c> does).</summary>
    Full,
}
