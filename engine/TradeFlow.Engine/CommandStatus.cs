namespace TradeFlow.Engine;

/// <summary>How a submitted command ended.</summary>
public enum CommandStatus
{
    /// <summary>Accepted: its events are durable in the store.</summary>
    Accepted = 1,

    /// <summary>Refused with reasons: the <c>TradeRejected</c> event is durable in the store.</summary>
    Rejected = 2,

    /// <summary>
    /// Not acknowledged: the engine failed (store failure, internal error) before the command was durably
    /// decided. Its fate is unknown to the caller; resubmitting with the same source key after a restart is
    /// safe (idempotent).
    /// </summary>
    Failed = 3,
}
