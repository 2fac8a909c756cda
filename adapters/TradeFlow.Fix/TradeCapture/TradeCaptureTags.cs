namespace TradeFlow.Fix.TradeCapture;

/// <summary>FIX 4.4 tags only the trade-capture application uses.</summary>
internal static class TradeCaptureTags
{
    /// <summary>SecondaryTradeReportID (818): in an AR, the id TradeFlow gave the reported trade.</summary>
    public const int SecondaryTradeReportID = 818;

    /// <summary>SecondaryTradeReportRefID (881): in a replacing or cancelling AE, the TradeFlow id of the trade.</summary>
    public const int SecondaryTradeReportRefID = 881;
}
