using System.Collections.Immutable;
using System.Runtime.InteropServices;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting.Kept;

namespace TradeFlow.Projections.Accounting;

/// <summary>
/// Accounting's own, mutable copy of a trade, updated in place by the fold: settling a trade only sets a flag, and
/// closing it (cancellation, allocation, novation) sets a flag and empties its open lines; a <c>with</c> copy of the
/// public <see cref="AccountingTrade"/> record per such event (88 bytes, garbage at once) was the last copy the folds
/// made on a settlement. The state never leaves the projection: readers get an immutable <see cref="AccountingTrade"/>
/// snapshot from <see cref="ToTrade"/>, so nothing they hold changes under them.
/// </summary>
/// <remarks>
/// The open lines — every live or settled trade keeps them, as the saved state shows them — are held as 12-byte
/// <see cref="KeptLine"/>s naming their ledger in the projection's <see cref="LedgerTable"/>, where
/// <see cref="PostingLine"/>s are 48 bytes (an FX deal has four). A trade with an amount no scaled long holds exactly
/// keeps its lines whole instead. Either way the lines read back are the very ones made, bit for bit.
/// </remarks>
internal sealed class AccountingTradeState
{
    // KeptLine[] (ledger indexes into the projection's table), or PostingLine[] when an amount does not fit one, or
    // null for an uninitialised array restored as such: one reference, as the record's ImmutableArray was.
    private object? _openLines;

    // The table the compact lines name their ledgers in (the projection's): a reference per trade, so the open lines read
    // back as a property wherever the state is written.
    private readonly LedgerTable _ledgers;

    public AccountingTradeState(TradeId tradeId, TradeEconomics economics, AssetClass assetClass, Money notional,
        decimal accruedInterest, ReadOnlySpan<PostingLine> openLines, LedgerTable ledgers)
    {
        TradeId = tradeId;
        Economics = economics;
        AssetClass = assetClass;
        Notional = notional;
        AccruedInterest = accruedInterest;
        _ledgers = ledgers;
        _openLines = Compact(openLines, ledgers);
    }

    private AccountingTradeState(AccountingTrade trade, LedgerTable ledgers)
        : this(trade.TradeId, trade.Economics, trade.AssetClass, trade.Notional, trade.AccruedInterest, trade.OpenLines.AsSpan(), ledgers)
    {
        if (trade.OpenLines.IsDefault)
        {
            _openLines = null;
        }

        Settled = trade.Settled;
        Closed = trade.Closed;
    }

    public TradeId TradeId { get; }

    public TradeEconomics Economics { get; }

    public AssetClass AssetClass { get; }

    public Money Notional { get; }

    public decimal AccruedInterest { get; }

    public bool Settled { get; private set; }

    public bool Closed { get; private set; }

    /// <summary>As <see cref="AccountingTrade.Consideration"/>.</summary>
    public decimal Consideration => Notional.Round().Amount;

    /// <summary>As <see cref="AccountingTrade.IsFx"/>.</summary>
    public bool IsFx => AssetClass is AssetClass.FxSpot or AssetClass.FxForward;

    /// <summary>The number of receivable/payable lines still open (none once closed; kept, as the record did, once settled).</summary>
    public int OpenLineCount => _openLines switch
    {
        KeptLine[] kept => kept.Length,
        PostingLine[] whole => whole.Length,
        _ => 0,
    };

    /// <summary>A state holding the record's values (a restored trade).</summary>
    public static AccountingTradeState From(AccountingTrade trade, LedgerTable ledgers) => new(trade, ledgers);

    /// <summary>The open line at <paramref name="index"/>, as it was made.</summary>
    public PostingLine OpenLine(int index) => _openLines switch
    {
        KeptLine[] kept => _ledgers.LineOf(kept[index], kept[index].Amount),
        _ => ((PostingLine[])_openLines!)[index],
    };

    /// <summary>
    /// The open lines, as <see cref="AccountingTrade.OpenLines"/> holds them: an array made on each read (the fold reads
    /// them one by one, <see cref="OpenLine"/>; the state is written from them one by one).
    /// </summary>
    public ImmutableArray<PostingLine> OpenLines
    {
        get
        {
            switch (_openLines)
            {
                case null:
                    return default;
                case PostingLine[] whole:
                    return ImmutableCollectionsMarshal.AsImmutableArray(whole);
                default:
                    if (OpenLineCount == 0)
                    {
                        return [];
                    }

                    var lines = new PostingLine[OpenLineCount];
                    for (var i = 0; i < lines.Length; i++)
                    {
                        lines[i] = OpenLine(i);
                    }

                    return ImmutableCollectionsMarshal.AsImmutableArray(lines);
            }
        }
    }

    /// <summary>True for an uninitialised line array restored as such (written as the serializer writes one).</summary>
    public bool OpenLinesAreDefault => _openLines is null;

    /// <summary>Adds the open lines to <paramref name="scratch"/>, reversed when asked (no array made).</summary>
    public void AddOpenLinesTo(List<PostingLine> scratch, bool reversed)
    {
        for (var i = 0; i < OpenLineCount; i++)
        {
            var line = OpenLine(i);
            scratch.Add(reversed ? line.Reversed : line);
        }
    }

    /// <summary>Marks the trade settled (its open lines stay, as the saved state has always shown them).</summary>
    public void Settle() => Settled = true;

    /// <summary>Marks the trade closed (cancelled, allocated or novated away): nothing of it is open any more.</summary>
    public void Close()
    {
        Closed = true;
        _openLines = Array.Empty<KeptLine>();
    }

    /// <summary>An immutable snapshot of the state, for queries and the captured document.</summary>
    public AccountingTrade ToTrade() =>
        new(TradeId, Economics, AssetClass, Notional, AccruedInterest, OpenLines, Settled, Closed);

    private static object Compact(ReadOnlySpan<PostingLine> lines, LedgerTable ledgers)
    {
        if (lines.IsEmpty)
        {
            return Array.Empty<KeptLine>();
        }

        var kept = new KeptLine[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            if (!KeptLine.TryCreate(ledgers.IndexOf(lines[i].Key), lines[i].Amount, out kept[i]))
            {
                return lines.ToArray();
            }
        }

        return kept;
    }
}
