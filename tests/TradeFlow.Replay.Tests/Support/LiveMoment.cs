using TradeFlow.EventSourcing;

namespace TradeFlow.Replay.Tests.Support;

/// <summary>What the live projections held at one moment of a test history: the clock, the head, and each projection's state hash.</summary>
internal sealed record LiveMoment(DateTimeOffset Time, GlobalPosition Head, IReadOnlyDictionary<string, string> StateHashes);
