using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// The reasons found while validating one command, each worded for that command. The list is created on the
/// first failure only, and the collector is a struct passed by <c>ref</c> rather than a captured local
/// function turned into delegates: a valid command — the engine's hot path — allocates nothing for it.
/// </summary>
internal struct RejectionCollector
{
    private readonly TradeCommandKind _kind;
    private readonly TradeId _id;
    private readonly Trade? _trade;

    /// <summary>Collects reasons for a command of <paramref name="kind"/> on trade <paramref name="id"/>.</summary>
    public RejectionCollector(TradeCommandKind kind, TradeId id, Trade? trade)
    {
        _kind = kind;
        _id = id;
        _trade = trade;
        Reasons = null;
    }

    /// <summary>The reasons so far; null while there are none.</summary>
    public List<RejectionReason>? Reasons { get; private set; }

    /// <summary>Adds a reason: <paramref name="detail"/> worded for the command.</summary>
    public void Fail(RejectionCode code, string detail) =>
        (Reasons ??= []).Add(new RejectionReason(code, RejectionMessages.ForCommand(_kind, _id, _trade, detail)));
}
