using System.Runtime.CompilerServices;
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

    /// <summary>
    /// Collects reasons for a command of <paramref name="kind"/> on trade <paramref name="id"/>; with
    /// <paramref name="discardReasons"/>, only whether there was one (no sentence is formatted).
    /// </summary>
    public RejectionCollector(TradeCommandKind kind, TradeId id, Trade? trade, bool discardReasons = false)
    {
        _kind = kind;
        _id = id;
        _trade = trade;
        DiscardsReasons = discardReasons;
        Reasons = null;
        HasFailed = false;
    }

    /// <summary>True when only whether a reason was found is kept, not the reasons.</summary>
    public bool DiscardsReasons { get; }

    /// <summary>True once a reason was found (whether or not it was kept).</summary>
    public bool HasFailed { get; private set; }

    /// <summary>The reasons so far; null while there are none, and always when <see cref="DiscardsReasons"/>.</summary>
    public List<RejectionReason>? Reasons { get; private set; }

    /// <summary>Adds a reason: <paramref name="detail"/> worded for the command.</summary>
    public void Fail(RejectionCode code, string detail)
    {
        HasFailed = true;
        if (!DiscardsReasons)
        {
            (Reasons ??= []).Add(new RejectionReason(code, RejectionMessages.ForCommand(_kind, _id, _trade, detail)));
        }
    }

    /// <summary>Adds a reason whose detail is formatted only when reasons are kept.</summary>
    public void Fail(RejectionCode code, [InterpolatedStringHandlerArgument("")] ref RejectionDetailHandler detail)
    {
        if (DiscardsReasons)
        {
            HasFailed = true;
            return;
        }

        Fail(code, detail.ToStringAndClear());
    }
}
