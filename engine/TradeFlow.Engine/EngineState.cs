namespace TradeFlow.Engine;

/// <summary>Where the engine is in its life.</summary>
public enum EngineState
{
    /// <summary>Built, not started.</summary>
    Created = 0,

    /// <summary>Rebuilding the decision state from the store.</summary>
    Recovering = 1,

    /// <summary>Accepting commands.</summary>
    Running = 2,

    /// <summary>
    /// A store failure or an internal error stopped intake: every command in flight completes as
    /// <see cref="CommandStatus.Failed"/>, new submissions throw. Stop it and start a new engine (which recovers).
    /// </summary>
    Faulted = 3,

    /// <summary>Stopped after draining.</summary>
    Stopped = 4,
}
