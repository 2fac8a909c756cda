namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// The order's economics exactly as the client sent them, echoed in replies (ExecutionReport requires Side,
/// Symbol and quantities; an AR repeats the report's type) without re-formatting the domain's values.
/// </summary>
/// <param name="Symbol">Symbol (55), or the SecurityID when no symbol was sent.</param>
/// <param name="SecurityId">SecurityID (48), or null.</param>
/// <param name="Side">Side (54) as sent.</param>
/// <param name="Quantity">OrderQty (38) or LastQty (32).</param>
/// <param name="Price">Price (44) or LastPx (31).</param>
/// <param name="TradeReportTransType">TradeReportTransType (487) of an AE; 0 otherwise.</param>
/// <param name="TradeDate">TradeDate (75) as sent, or null.</param>
internal readonly record struct CaptureEcho(string? Symbol, string? SecurityId, char Side, decimal Quantity, decimal Price,
    int TradeReportTransType = 0, string? TradeDate = null);
