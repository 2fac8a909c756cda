namespace TradeFlow.EventSourcing;

/// <summary>The order in which a read walks a stream or the global log.</summary>
public enum Direction
{
    /// <summary>Oldest first.</summary>
    Forwards,

    /// <summary>Newest first.</summary>
    Backwards,
}
