namespace TradeFlow.Projections.Accounting;

/// <summary>Why a journal entry was posted.</summary>
public enum EntryKind
{
    /// <summary>Trade-date booking (also an allocation child's booking).</summary>
    TradeDate = 1,

    /// <summary>Amendment: reverse the trade's open lines and re-post them with the new economics.</summary>
    Amendment = 2,

    /// <summary>Cancellation: reverse the trade's open lines.</summary>
    Cancellation = 3,

    /// <summary>Partial termination: reverse and re-post at the remaining quantity.</summary>
    PartialTermination = 4,

    /// <summary>Novation: move the open lines from the old counterparty to the new one.</summary>
    Novation = 5,

    /// <summary>Allocation: reverse the block (its children post their own trade-date entries).</summary>
    Allocation = 6,

    /// <summary>Settlement: receivables and payables to cash.</summary>
    Settlement = 7,
}
