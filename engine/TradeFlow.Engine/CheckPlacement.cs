namespace TradeFlow.Engine;

/// <summary>
/// Where the risk and compliance checks run (<see cref="EngineOptions.CheckPlacement"/>). The stage graph means the
/// same under every placement — risk ‖ compliance → decide: each check writes only its own part of the slot, neither
/// reads the other's, decide reads both only after both ran, and a command a check rejects never books — so the
/// engine's outcomes, events and state are identical; only the threads differ.
/// </summary>
public enum CheckPlacement
{
    /// <summary>Risk and compliance each on a thread of their own, in parallel; decide waits for both. For machines with cores to spare.</summary>
    ThreadEach,

    /// <summary>Risk then compliance on one shared stage thread, whose one sequence gates decide (pass <c>engine6</c>).</summary>
    SharedThread,

    /// <summary>
    /// Risk then compliance on the decide thread, just before it decides each slot: no check thread at all. The checks
    /// are pure functions of the command and the reference data (~0.25 µs together), while a check thread of its own
    /// spent 3.5–6 µs per command waiting on the producer (docs/benchmarks.md, pass <c>engine7</c>).
    /// </summary>
    DecideThread,
}
