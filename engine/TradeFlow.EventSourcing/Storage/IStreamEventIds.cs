namespace TradeFlow.EventSourcing.Storage;

/// <summary>A backend's lookup of the event id stored at a version of the stream being appended to.</summary>
public interface IStreamEventIds
{
    /// <summary>The id of the event at <paramref name="version"/> (which exists).</summary>
    Guid EventIdAt(long version);
}
