namespace TradeFlow.Domain.Trades;

/// <summary>The kind of a <see cref="TradeCommand"/>: recorded on rejections and used by the lifecycle table.</summary>
public enum TradeCommandKind
{
    /// <summary><see cref="BookTrade"/>.</summary>
    Book = 1,

    /// <summary><see cref="AmendTrade"/>.</summary>
    Amend = 2,

    /// <summary><see cref="CancelTrade"/>.</summary>
    Cancel = 3,

    /// <summary><see cref="AllocateTrade"/>.</summary>
    Allocate = 4,

    /// <summary><see cref="ConfirmTrade"/>.</summary>
    Confirm = 5,

    /// <summary><see cref="NovateTrade"/>.</summary>
    Novate = 6,

    /// <summary><see cref="PartiallyTerminateTrade"/>.</summary>
    PartiallyTerminate = 7,

    /// <summary><see cref="InstructSettlement"/>.</summary>
    InstructSettlement = 8,

    /// <summary><see cref="MatchSettlement"/>.</summary>
    MatchSettlement = 9,

    /// <summary><see cref="SettleTrade"/>.</summary>
    Settle = 10,

    /// <summary><see cref="FailSettlement"/>.</summary>
    FailSettlement = 11,

    /// <summary><see cref="MatureTrade"/>.</summary>
    Mature = 12,

    /// <summary><see cref="Limits.ChangeCreditLimit"/>: an admin command, not addressed to a trade.</summary>
    ChangeCreditLimit = 13,
}
