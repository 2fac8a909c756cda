namespace TradeFlow.Ring.Tests.Support;

/// <summary>A mutable slot with a field per stage, as the engine's slots will have.</summary>
public sealed class TestSlot
{
    public int Producer { get; set; }

    public long Value { get; set; }

    public long RiskResult { get; set; }

    public long ComplianceResult { get; set; }

    public long Decision { get; set; }

    public long Journaled { get; set; }
}
