namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// The FIX 4.4 party roles (452) and ID sources (447) through which a trading system names who did the deal.
/// The counterparty is the contra firm identified by its LEI; the trader by the bank's own code.
/// </summary>
internal static class PartyRoles
{
    /// <summary>PartyRole 17: the firm on the other side of the trade, our counterparty.</summary>
    public const int ContraFirm = 17;

    /// <summary>PartyRole 12: the trader who executed the deal.</summary>
    public const int ExecutingTrader = 12;

    /// <summary>PartyRole 11: the trader who originated the order (taken when no executing trader is named).</summary>
    public const int OrderOriginationTrader = 11;

    /// <summary>PartyIDSource N: a Legal Entity Identifier (ISO 17442).</summary>
    public const char LegalEntityIdentifier = 'N';
}
