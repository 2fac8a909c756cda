namespace TradeFlow.Projections.Storage;

/// <summary>The outcome of a save: saved, or refused because the stored checkpoint was not the expected one.</summary>
/// <param name="Saved">True when the snapshot replaced the expected one.</param>
/// <param name="Actual">What is stored after the call (the new token when saved, the conflicting one otherwise).</param>
public readonly record struct ProjectionSaveResult(bool Saved, ExpectedCheckpoint Actual);
