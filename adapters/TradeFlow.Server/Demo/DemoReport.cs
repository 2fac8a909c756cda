namespace TradeFlow.Server.Demo;

/// <summary>What the demo shows each user, and the checks it ran. Serialized as-is by <c>--json</c>.</summary>
internal sealed record DemoReport(
    DemoRunSummary Run,
    IReadOnlyList<DemoCount> CommandsByKind,
    IReadOnlyList<DemoCount> CommandsByChannel,
    IReadOnlyList<DemoCount> RejectionsByCode,
    IReadOnlyList<DemoRefusal> Refusals,
    DemoLatency CaptureAckLatency,
    DemoUserViews Views,
    DemoRestart Restart,
    IReadOnlyList<DemoCheck> Checks)
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.All(c => c.Passed);
}

/// <summary>
/// Totals of the run. <paramref name="CapturesPerSecond"/> is measured over FIX: captures answered per second of
/// the capture waves (first send to last answer), each wave pipelined over both sessions.
/// </summary>
internal sealed record DemoRunSummary(
    int CapturesRequested,
    long CommandsSubmitted,
    long Accepted,
    long Rejected,
    long Failed,
    long Warnings,
    long EventsJournaled,
    long JournalCommits,
    double CapturesPerSecond,
    double ElapsedSeconds,
    string DataDirectory,
    long SessionRejects);

/// <summary>A named count.</summary>
internal sealed record DemoCount(string Name, long Count);

/// <summary>A capture the demo expected risk or compliance to refuse, and what the engine answered.</summary>
internal sealed record DemoRefusal(string Expectation, string Status, IReadOnlyList<string> Reasons);

/// <summary>
/// Capture ack latency over FIX, in microseconds: from sending the AE to receiving its AR (which the gateway sends
/// only once the trade is durable), while each wave's captures were pipelined.
/// </summary>
internal sealed record DemoLatency(long Samples, double P50, double P90, double P99, double P999, double Max);

/// <summary>
/// The restart: the server stopped gracefully and started again on the same data directory; the engine's decision
/// state rebuilt from the journal (hashes before and after), and the first capture resent over a new FIX session
/// with the same TradeReportID answered with its original outcome (same status and trade) without moving the
/// journal's head.
/// </summary>
internal sealed record DemoRestart(
    long RecoveredEvents,
    double RecoveryMilliseconds,
    string StateHashBefore,
    string StateHashAfter,
    bool ResentCaptureAnsweredAsDuplicate,
    bool ResentCaptureWroteNothing);

/// <summary>A check the demo ran; the process exits non-zero when any fails.</summary>
internal sealed record DemoCheck(string Name, bool Passed, string Detail);

/// <summary>
/// The server's live projections after the day, read over its HTTP API once they had folded up to the journal's
/// head: <paramref name="EventsFolded"/> is that head and <paramref name="FoldMilliseconds"/> how long the wait for it took.
/// </summary>
internal sealed record DemoUserViews(
    long EventsFolded,
    double FoldMilliseconds,
    IReadOnlyList<DemoExposure> CounterpartyExposure,
    IReadOnlyList<DemoPosition> Positions,
    IReadOnlyList<DemoLadderRow> SettlementLadder,
    IReadOnlyList<DemoTrialBalanceLine> TrialBalance,
    int OpenFails);

/// <summary>A counterparty's exposure against its credit limit (limit currency).</summary>
internal sealed record DemoExposure(string Counterparty, string Lei, string Currency, decimal SettlementRisk, decimal NetMtm,
    decimal Utilised, decimal HardLimit, decimal UtilisationPercent, decimal Headroom, string Breach);

/// <summary>A book × instrument position.</summary>
internal sealed record DemoPosition(string Book, string Instrument, string Currency, decimal Quantity, decimal? AverageCost,
    decimal? MarketValue, decimal? UnrealisedPnl, decimal RealisedPnl);

/// <summary>Amounts due on a date in a currency.</summary>
internal sealed record DemoLadderRow(string Date, string Currency, decimal Receive, decimal Pay, decimal Net);

/// <summary>A currency's trial balance: debits and credits must net to zero.</summary>
internal sealed record DemoTrialBalanceLine(string Currency, decimal Debits, decimal Credits, decimal Net);
