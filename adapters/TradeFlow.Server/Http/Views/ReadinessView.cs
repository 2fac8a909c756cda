namespace TradeFlow.Server.Http.Views;

/// <summary>Whether the service can take traffic, and why not.</summary>
/// <param name="Ready">True when the engine runs and the host says it is ready.</param>
/// <param name="EngineState">The engine's state.</param>
/// <param name="Detail">What is not ready, or "ready".</param>
public sealed record ReadinessView(bool Ready, string EngineState, string Detail);
