namespace TradeFlow.Domain.ReferenceData;

/// <summary>The asset classes TradeFlow books. Zero is deliberately not an asset class.</summary>
public enum AssetClass
{
    /// <summary>Listed shares, settled delivery-versus-payment at a CSD.</summary>
    CashEquity = 1,

    /// <summary>FX spot: exchange of two currencies at the spot value date (T+2, T+1 for USD/CAD).</summary>
    FxSpot = 2,

    /// <summary>FX outright forward: exchange at an agreed later value date.</summary>
    FxForward = 3,

    /// <summary>Fixed-rate government bonds, quoted clean in percent of face.</summary>
    GovernmentBond = 4,
}
