namespace TradeFlow.Server.Http.Views;

/// <summary>
/// What <c>/metrics</c> reports: only figures the process actually has. Rates are averaged over the time since
/// the previous <c>/metrics</c> call (null on the first call).
/// </summary>
/// <param name="EngineState">The engine's state.</param>
/// <param name="HeadPosition">The store's last committed position (events written so far).</param>
/// <param name="GroupCommits">Group commits the journal stage made since the engine started.</param>
/// <param name="HttpCommands">Commands submitted over HTTP since start.</param>
/// <param name="EventsPerSecond">Events committed per second since the previous call.</param>
/// <param name="CommitsPerSecond">Group commits per second since the previous call.</param>
/// <param name="HttpCommandsPerSecond">HTTP commands per second since the previous call.</param>
/// <param name="ProjectionCheckpoints">Each projection's checkpoint (lag = head − checkpoint).</param>
/// <param name="SessionsLoggedOn">FIX sessions logged on, when the host has an acceptor.</param>
/// <param name="RingCapacity">Slots in the engine's input ring.</param>
/// <param name="RingOccupancy">Slots claimed and not yet answered (0 when idle; at capacity producers wait).</param>
/// <param name="EngineCommands">Commands the engine answered since start (every gateway; duplicates and rejections included).</param>
/// <param name="EngineCommandsPerSecond">Engine commands per second since the previous call.</param>
/// <param name="EventsCommitted">Events the engine's commits appended since start.</param>
/// <param name="CommitLatency">Journal group-commit latency since start.</param>
public sealed record MetricsView(
    string EngineState,
    long HeadPosition,
    long GroupCommits,
    long HttpCommands,
    double? EventsPerSecond,
    double? CommitsPerSecond,
    double? HttpCommandsPerSecond,
    IReadOnlyDictionary<string, long> ProjectionCheckpoints,
    int? SessionsLoggedOn,
    int RingCapacity,
    long RingOccupancy,
    long EngineCommands,
    double? EngineCommandsPerSecond,
    long EventsCommitted,
    CommitLatencyView CommitLatency);
