namespace TradeFlow.EventSourcing;

/// <summary>The outcome of appending to one stream.</summary>
public enum AppendStatus
{
    /// <summary>The events are in the stream (newly written, or already there from an identical earlier append).</summary>
    Success,

    /// <summary>The stream's version did not meet the expectation; nothing was written.</summary>
    WrongExpectedVersion,
}
