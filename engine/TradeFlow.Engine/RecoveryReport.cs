using TradeFlow.EventSourcing;

namespace TradeFlow.Engine;

/// <summary>What recovery on start did.</summary>
/// <param name="Events">Events read and folded.</param>
/// <param name="Head">The position of the last one (<see cref="GlobalPosition.Start"/> for an empty store).</param>
/// <param name="Elapsed">How long it took.</param>
public readonly record struct RecoveryReport(long Events, GlobalPosition Head, TimeSpan Elapsed);
