using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;

namespace TradeFlow.Fix.TradeCapture;

/// <summary>
/// Turns the trade-capture messages into domain commands: TradeCaptureReport (AE) books, replaces or cancels;
/// NewOrderSingle (D) books a deal done at the stated price; OrderCancelRequest (F) cancels and
/// OrderCancelReplaceRequest (G) amends the trade an order booked; AllocationInstruction (J) allocates a block.
/// FIX stays here: the engine sees only domain commands. A message the domain cannot accept becomes a request
/// carrying its <see cref="CaptureRejection"/> instead of a command.
/// </summary>
internal sealed class CaptureMapper
{
    private const char Limit = '2';

    // Quantity (53): the block's total in an AllocationInstruction.
    private const int AllocationQuantity = 53;

    private static readonly GroupSpec NoOrders = new(Tags.NoOrders, Tags.ClOrdID,
        new HashSet<int> { Tags.ClOrdID, Tags.OrderID, 198, 526, 66, Tags.OrderQty, 799, 800 }, []);

    private readonly BookingIndex _index;

    /// <summary>A mapper resolving client ids through <paramref name="index"/>.</summary>
    public CaptureMapper(BookingIndex index) => _index = index;

    /// <summary>
    /// Maps an AE: TradeReportTransType (487) 0 new books, 2 replace amends, 1 cancel cancels. A replace or cancel
    /// names its trade by the id TradeFlow acked (SecondaryTradeReportRefID 881) or by the client's original
    /// TradeReportID (TradeReportRefID 572).
    /// </summary>
    public CaptureRequest MapTradeCaptureReport(FixMessage message, SessionId session)
    {
        var reportId = Required(message, Tags.TradeReportID);
        var transType = message.TryGetInt(Tags.TradeReportTransType, out var t) ? t : 0;
        var sideEntry = message.TryGetGroup(Fix44Groups.NoSides, out var sides) && sides.Count > 0
            ? sides[0] : throw new FieldNotFoundException(Tags.NoSides);
        var sideFields = new CaptureTermsReader.SideFields(
            sideEntry.TryGetChar(Tags.Side, out var side) ? side : '\0',
            RepeatedFieldText.Get(sideEntry, Tags.Account),
            sideEntry.TryGetGroup(Fix44Groups.NoPartyIDs, out var parties) ? CaptureParties.From(parties) : default,
            Tags.LastQty, Tags.LastPx);
        var request = new Builder(message, session, MsgTypes.TradeCaptureReport, reportId)
        {
            Echo = Echo(message, side, Tags.LastQty, Tags.LastPx) with { TradeReportTransType = transType },
        };
        return transType switch
        {
            0 => request.Book(sideFields),
            2 => request.Amend(FindReportedTrade(message, session), sideFields),
            // FIX 4.4 carries an AE's Text (58) in its NoSides entries, not at the top level.
            1 => request.Cancel(FindReportedTrade(message, session), sideEntry.GetString(Tags.Text)),
            _ => request.Refuse(new CaptureRejection(Tags.TradeReportTransType, CaptureRejectReason.Other,
                $"TradeReportTransType (487) {transType} is not supported: 0 (new), 1 (cancel) or 2 (replace)")),
        };
    }

    /// <summary>Maps a D: a limit order executed at its price books a trade.</summary>
    public static CaptureRequest MapNewOrderSingle(FixMessage message, SessionId session)
    {
        var request = OrderRequest(message, session, MsgTypes.NewOrderSingle, out var sideFields);
        if (!message.TryGetChar(Tags.OrdType, out var ordType) || ordType != Limit)
        {
            return request.Refuse(new CaptureRejection(Tags.OrdType, CaptureRejectReason.Other,
                "OrdType (40) must be 2 (limit): TradeFlow books the deal at the stated Price (44)"));
        }

        return request.Book(sideFields);
    }

    /// <summary>Maps a G: the trade the original order booked takes the replacement's economics.</summary>
    public CaptureRequest MapReplace(FixMessage message, SessionId session)
    {
        var request = OrderRequest(message, session, MsgTypes.OrderCancelReplaceRequest, out var sideFields);
        return request.Amend(FindOrderTrade(message, session), sideFields);
    }

    /// <summary>Maps an F: the trade the original order booked is cancelled.</summary>
    public CaptureRequest MapCancel(FixMessage message, SessionId session)
    {
        var request = OrderRequest(message, session, MsgTypes.OrderCancelRequest, out _);
        return request.Cancel(FindOrderTrade(message, session), message.GetString(Tags.Text));
    }

    /// <summary>Maps a J: the block named in NoOrders (73) is split over the NoAllocs (78) accounts.</summary>
    public CaptureRequest MapAllocation(FixMessage message, SessionId session)
    {
        var allocId = Required(message, Tags.AllocID);
        var request = new Builder(message, session, MsgTypes.AllocationInstruction, allocId)
        {
            Echo = Echo(message, message.TryGetChar(Tags.Side, out var side) ? side : '\0', AllocationQuantity, Tags.AvgPx),
        };
        if (message.TryGetInt(Tags.AllocTransType, out var transType) && transType != 0)
        {
            return request.Refuse(new CaptureRejection(Tags.AllocTransType, CaptureRejectReason.Other,
                $"AllocTransType (71) {transType} is not supported: only 0 (new)"));
        }

        var block = FindBlock(message, session);
        if (block.Rejection is { } refused)
        {
            return request.Refuse(refused);
        }

        return AllocationLegs.TryRead(message, out var legs, out var rejection)
            ? request.Allocate(block.TradeId, legs)
            : request.Refuse(rejection);
    }

    private static Builder OrderRequest(FixMessage message, SessionId session, string msgType,
        out CaptureTermsReader.SideFields sideFields)
    {
        var side = message.TryGetChar(Tags.Side, out var s) ? s : '\0';
        sideFields = new CaptureTermsReader.SideFields(side, RepeatedFieldText.Get(message, Tags.Account),
            message.TryGetGroup(Fix44Groups.NoPartyIDs, out var parties) ? CaptureParties.From(parties) : default,
            Tags.OrderQty, Tags.Price);
        return new Builder(message, session, msgType, Required(message, Tags.ClOrdID))
        {
            OrigClientId = message.GetString(Tags.OrigClOrdID),
            Echo = Echo(message, side, Tags.OrderQty, Tags.Price),
        };
    }

    private TradeLookup FindReportedTrade(FixMessage message, SessionId session)
    {
        if (message.GetString(TradeCaptureTags.SecondaryTradeReportRefID) is { } tradeId)
        {
            return TradeLookup.Parse(tradeId, TradeCaptureTags.SecondaryTradeReportRefID, "SecondaryTradeReportRefID");
        }

        var reference = message.GetString(Tags.TradeReportRefID);
        return reference is not null && _index.TryFind(session.TargetCompID, MsgTypes.TradeCaptureReport, reference, out var id)
            ? new TradeLookup(id, null)
            : TradeLookup.Unknown(Tags.TradeReportRefID, reference is null
                ? "A replace or cancel needs SecondaryTradeReportRefID (881) or TradeReportRefID (572)"
                : $"TradeReportRefID (572) '{reference}' names no trade reported on this session");
    }

    private TradeLookup FindOrderTrade(FixMessage message, SessionId session)
    {
        if (message.GetString(Tags.OrderID) is { } orderId)
        {
            return TradeLookup.Parse(orderId, Tags.OrderID, "OrderID");
        }

        var original = message.GetString(Tags.OrigClOrdID);
        return original is not null && _index.TryFind(session.TargetCompID, MsgTypes.NewOrderSingle, original, out var id)
            ? new TradeLookup(id, null)
            : TradeLookup.Unknown(Tags.OrigClOrdID, $"OrigClOrdID (41) '{original}' names no order booked on this session");
    }

    private TradeLookup FindBlock(FixMessage message, SessionId session)
    {
        if (!message.TryGetGroup(NoOrders, out var orders) || orders.Count != 1)
        {
            return TradeLookup.Unknown(Tags.NoOrders, "NoOrders (73) must name exactly one block order");
        }

        if (orders[0].GetString(Tags.OrderID) is { } orderId)
        {
            return TradeLookup.Parse(orderId, Tags.OrderID, "OrderID");
        }

        var clOrdId = orders[0].GetString(Tags.ClOrdID);
        return clOrdId is not null && _index.TryFind(session.TargetCompID, MsgTypes.NewOrderSingle, clOrdId, out var id)
            ? new TradeLookup(id, null)
            : TradeLookup.Unknown(Tags.ClOrdID, $"ClOrdID (11) '{clOrdId}' in NoOrders names no order booked on this session");
    }

    private static string Required(FixMessage message, int tag) =>
        message.GetString(tag) ?? throw new FieldNotFoundException(tag);

    // The echoed instrument and date are shared texts (RepeatedFieldText): the same few values come in every order.
    private static CaptureEcho Echo(FixMessage message, char side, int quantityTag, int priceTag)
    {
        var securityId = RepeatedFieldText.Get(message, Tags.SecurityID);
        return new CaptureEcho(RepeatedFieldText.Get(message, Tags.Symbol) ?? securityId, securityId, side,
            message.TryGetDecimal(quantityTag, out var quantity) ? quantity : 0m,
            message.TryGetDecimal(priceTag, out var price) ? price : 0m,
            TradeDate: RepeatedFieldText.Get(message, Tags.TradeDate));
    }

    /// <summary>The trade a message addresses, or why it cannot be found.</summary>
    private readonly record struct TradeLookup(TradeId TradeId, CaptureRejection? Rejection)
    {
        public static TradeLookup Parse(string text, int tag, string name) => TradeId.TryParse(text, out var id)
            ? new TradeLookup(id, null)
            : Unknown(tag, $"{name} ({tag}) '{text}' is not a TradeFlow trade id");

        public static TradeLookup Unknown(int tag, string text) =>
            new(default, new CaptureRejection(tag, CaptureRejectReason.UnknownOrder, text));
    }

    /// <summary>
    /// Assembles a request once the command (or the refusal) is known. A struct, and no delegates: it lives only while
    /// one message is mapped, and as a class it was an object per inbound order.
    /// </summary>
    private readonly struct Builder(FixMessage message, SessionId session, string msgType, string clientId)
    {
        public string? OrigClientId { get; init; }

        public CaptureEcho Echo { get; init; }

        private string SourceKey => CaptureSourceKeys.For(session.TargetCompID, msgType, clientId);

        // No delegate per message: the terms are read, then the command is made here.
        public CaptureRequest Book(in CaptureTermsReader.SideFields side) => TryReadTerms(side, out var time, out var terms, out var rejection)
            ? Create(new BookTrade(SourceKey, time, terms), default)
            : Refuse(rejection);

        public CaptureRequest Amend(TradeLookup trade, in CaptureTermsReader.SideFields side)
        {
            if (trade.Rejection is { } refused)
            {
                return Refuse(refused);
            }

            return TryReadTerms(side, out var time, out var terms, out var rejection)
                ? Create(new AmendTrade(trade.TradeId, SourceKey, time, terms), default)
                : Refuse(rejection);
        }

        public CaptureRequest Cancel(TradeLookup trade, string? text)
        {
            if (trade.Rejection is { } refused)
            {
                return Refuse(refused);
            }

            var reason = text ?? $"Cancelled by {session.TargetCompID} ({msgType} {clientId})";
            return TryReadTimeOrSent(out var time, out var rejection)
                ? Create(new CancelTrade(trade.TradeId, SourceKey, time, reason), default)
                : Refuse(rejection);
        }

        public CaptureRequest Allocate(TradeId block, ImmutableArray<AllocationLeg> legs) =>
            TryReadTimeOrSent(out var time, out var rejection)
                ? Create(new AllocateTrade(block, SourceKey, time, legs), default)
                : Refuse(rejection);

        public CaptureRequest Refuse(CaptureRejection rejection) => Create(null, rejection);

        private bool TryReadTerms(in CaptureTermsReader.SideFields side, out DateTimeOffset time,
            [NotNullWhen(true)] out TradeTerms? terms, out CaptureRejection rejection)
        {
            terms = null;
            return CaptureTermsReader.TryReadEffectiveTime(message, out time, out rejection)
                && CaptureTermsReader.TryRead(message, side, out terms, out rejection);
        }

        private bool TryReadTimeOrSent(out DateTimeOffset time, out CaptureRejection rejection)
        {
            // J (and a cancel) may omit TransactTime: its SendingTime is then when it was decided.
            if (CaptureTermsReader.TryReadEffectiveTime(message, out time, out rejection))
            {
                return true;
            }

            if (!message.TryGetUtcTimestamp(Tags.SendingTime, out var sent))
            {
                return false;
            }

            time = new DateTimeOffset(sent, TimeSpan.Zero);
            return true;
        }

        private CaptureRequest Create(TradeCommand? command, CaptureRejection rejection) => new()
        {
            Session = session,
            MsgType = msgType,
            ClientId = clientId,
            OrigClientId = OrigClientId,
            Command = command,
            Rejection = rejection,
            Echo = Echo,
        };
    }
}
