using System.Diagnostics.CodeAnalysis;
using TradeFlow.Engine.Journaling;

namespace TradeFlow.Engine;

/// <summary>
/// Reads what the engine records in each event's metadata, for gateways that rebuild their own indexes from
/// the store at start-up (which trade a client's order id booked) without knowing the metadata's format.
/// </summary>
public static class EngineEventMetadata
{
    /// <summary>
    /// The source key of the command that wrote the event, and the event's index within that command (0 for the
    /// command's first event); false when the metadata is not the engine's.
    /// </summary>
    public static bool TryReadSourceKey(ReadOnlySpan<byte> metadata, [NotNullWhen(true)] out string? sourceKey, out int index)
    {
        if (EventMetadata.TryRead(metadata, out var values))
        {
            sourceKey = values.SourceKey;
            index = values.Index;
            return true;
        }

        sourceKey = null;
        index = -1;
        return false;
    }
}
