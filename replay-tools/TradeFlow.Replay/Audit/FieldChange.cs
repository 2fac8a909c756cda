namespace TradeFlow.Replay.Audit;

/// <summary>One field an amendment changed.</summary>
/// <param name="Field">The field's name.</param>
/// <param name="From">The value before.</param>
/// <param name="To">The value after.</param>
public sealed record FieldChange(string Field, string From, string To);
