namespace TradeFlow.Replay.Cli;

/// <summary>The process exit codes of <c>tradeflow-replay</c> (documented in docs/replay-tools.md).</summary>
public static class ExitCodes
{
    /// <summary>Done; nothing wrong found.</summary>
    public const int Ok = 0;

    /// <summary>The verb ran and found problems (verify) or a difference (determinism).</summary>
    public const int ProblemsFound = 1;

    /// <summary>Bad input: usage, an unknown trade, a time outside the store's history, unreadable reference data.</summary>
    public const int BadInput = 2;

    /// <summary>The store cannot be used: the database is unreachable, the schema holds no store, the journal is corrupt.</summary>
    public const int StoreUnavailable = 3;

    /// <summary>Stopped by Ctrl-C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
