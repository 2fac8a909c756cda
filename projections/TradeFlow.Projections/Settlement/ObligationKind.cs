namespace TradeFlow.Projections.Settlement;

/// <summary>The direction and nature of a settlement obligation, from the bank's side.</summary>
public enum ObligationKind
{
    /// <summary>The bank delivers securities.</summary>
    DeliverSecurities = 1,

    /// <summary>The bank receives securities.</summary>
    ReceiveSecurities = 2,

    /// <summary>The bank pays cash.</summary>
    PayCash = 3,

    /// <summary>The bank receives cash.</summary>
    ReceiveCash = 4,
}
