namespace TradeFlow.Fix.Session;

/// <summary>A FIX session's identity, from our side: BeginString, our SenderCompID and the counterparty's TargetCompID.</summary>
public readonly record struct SessionId(string BeginString, string SenderCompID, string TargetCompID)
{
    /// <summary>QuickFIX's spelling, also the stem of the store and log file names: <c>FIX.4.4:SENDER-&gt;TARGET</c>.</summary>
    public override string ToString() => $"{BeginString}:{SenderCompID}->{TargetCompID}";

    /// <summary>The stem of the session's store and log files, as QuickFIX names them: <c>FIX.4.4-SENDER-TARGET</c>.</summary>
    public string FileStem => $"{BeginString}-{SenderCompID}-{TargetCompID}";
}
