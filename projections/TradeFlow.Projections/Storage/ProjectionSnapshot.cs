using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Storage;

/// <summary>A projection's saved state together with the checkpoint it is valid at: one unit, saved atomically.</summary>
/// <param name="Name">The projection's name.</param>
/// <param name="Version">The projection's version when the state was produced.</param>
/// <param name="Checkpoint">The last global position folded into <paramref name="State"/>.</param>
/// <param name="LastRecordedTime">The recorded time of that event (for "as known at" reporting).</param>
/// <param name="StateHash">Lower-case hex SHA-256 of <paramref name="State"/>, checked on load.</param>
/// <param name="State">The canonical state bytes.</param>
public sealed record ProjectionSnapshot(
    string Name,
    int Version,
    GlobalPosition Checkpoint,
    DateTimeOffset LastRecordedTime,
    string StateHash,
    ReadOnlyMemory<byte> State)
{
    /// <summary>The optimistic-concurrency token this snapshot represents once saved.</summary>
    public ExpectedCheckpoint Token => ExpectedCheckpoint.At(Version, Checkpoint);
}
