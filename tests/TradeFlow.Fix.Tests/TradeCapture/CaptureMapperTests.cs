using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.TradeCapture;
using TradeFlow.Testing.Builders;
using static TradeFlow.Fix.Tests.TradeCapture.CaptureMessages;

namespace TradeFlow.Fix.Tests.TradeCapture;

public class CaptureMapperTests
{
    private readonly BookingIndex _index = new();

    private CaptureMapper Mapper => new(_index);

    [Fact]
    public void A_limit_NewOrderSingle_books_the_deal_at_its_price()
    {
        var request = CaptureMapper.MapNewOrderSingle(NewOrder("ORD-1"), Client);

        var book = Assert.IsType<BookTrade>(request.Command);
        Assert.Equal("FIX:CLIENT1:D:ORD-1", book.SourceKey);
        Assert.Equal(DemoIds.Apple, book.Terms.Instrument);
        Assert.Equal(Side.Buy, book.Terms.Side);
        Assert.Equal(100m, book.Terms.Quantity.Value);
        Assert.Equal(190.25m, book.Terms.Price.Value);
        Assert.Equal(DemoIds.DeutscheBank, book.Terms.Counterparty);
        Assert.Equal(DemoIds.EquitiesNy, book.Terms.Book);
        Assert.Equal(DemoIds.EquityTrader, book.Terms.Trader);
        Assert.Equal(new BusinessDate(2025, 3, 14), book.Terms.TradeDate);
        Assert.Null(book.Terms.SettlementDate);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 9, 29, 0, TimeSpan.Zero), book.EffectiveTime);
    }

    [Fact]
    public void A_market_order_is_refused_naming_OrdType()
    {
        var request = CaptureMapper.MapNewOrderSingle(NewOrder("ORD-1", ordType: '1'), Client);

        Assert.Null(request.Command);
        Assert.Equal(Tags.OrdType, request.Rejection.RefTagId);
        Assert.Contains("OrdType (40) must be 2", request.Rejection.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_FX_pair_is_read_from_Symbol()
    {
        var request = CaptureMapper.MapNewOrderSingle(NewOrder("FX-1", instrument: "55=EUR/USD|", qty: "1000000", price: "1.0850",
            book: "FX-LDN"), Client);

        Assert.Equal(DemoIds.EurUsd, Assert.IsType<BookTrade>(request.Command).Terms.Instrument);
    }

    [Fact]
    public void A_counterparty_with_a_bad_LEI_check_digit_is_an_invalid_party()
    {
        var request = CaptureMapper.MapNewOrderSingle(NewOrder("ORD-1", parties: Parties(lei: "7LTWFZYICNSX8D621K87")), Client);

        Assert.Null(request.Command);
        Assert.Equal(CaptureRejectReason.InvalidParty, request.Rejection.Reason);
        Assert.Equal(Tags.PartyID, request.Rejection.RefTagId);
    }

    [Fact]
    public void An_ISIN_needs_SecurityIDSource_4()
    {
        var request = CaptureMapper.MapNewOrderSingle(NewOrder("ORD-1", instrument: "48=US0378331005|22=1|55=AAPL|"), Client);

        Assert.Equal(Tags.SecurityIDSource, request.Rejection.RefTagId);
        Assert.Equal(CaptureRejectReason.UnknownInstrument, request.Rejection.Reason);
    }

    [Fact]
    public void A_TradeCaptureReport_books_the_bank_side_of_its_first_NoSides_entry()
    {
        var request = Mapper.MapTradeCaptureReport(TradeReport("TR-1"), Client);

        var book = Assert.IsType<BookTrade>(request.Command);
        Assert.Equal("FIX:CLIENT1:AE:TR-1", book.SourceKey);
        Assert.Equal(Side.Sell, book.Terms.Side);
        Assert.Equal(200m, book.Terms.Quantity.Value);
        Assert.Equal(190.50m, book.Terms.Price.Value);
    }

    [Fact]
    public void A_replace_report_amends_the_trade_named_by_its_TradeFlow_id()
    {
        var tradeId = TradeId.FromInt64(42);

        var request = Mapper.MapTradeCaptureReport(TradeReport("TR-2", transType: 2, tradeRef: tradeId.ToString(), qty: "250"), Client);

        var amend = Assert.IsType<AmendTrade>(request.Command);
        Assert.Equal(tradeId, amend.TradeId);
        Assert.Equal(250m, amend.Terms.Quantity.Value);
    }

    [Fact]
    public void A_cancel_report_cancels_with_the_reason_in_its_side_entry_where_FIX_4_4_carries_Text()
    {
        var tradeId = TradeId.FromInt64(42);

        var request = Mapper.MapTradeCaptureReport(TradeReport("TR-3", transType: 1, tradeRef: tradeId.ToString(), sideText: "booked in error"), Client);

        var cancel = Assert.IsType<CancelTrade>(request.Command);
        Assert.Equal(tradeId, cancel.TradeId);
        Assert.Equal("booked in error", cancel.Reason);
    }

    [Fact]
    public void A_cancel_report_without_a_reason_says_who_cancelled_it()
    {
        var request = Mapper.MapTradeCaptureReport(TradeReport("TR-4", transType: 1, tradeRef: TradeId.FromInt64(42).ToString()), Client);

        Assert.Equal("Cancelled by CLIENT1 (AE TR-4)", Assert.IsType<CancelTrade>(request.Command).Reason);
    }

    [Fact]
    public void A_replace_names_its_order_by_OrigClOrdID_once_the_booking_is_known()
    {
        var tradeId = TradeId.FromInt64(7);
        _index.Record("CLIENT1", "D", "ORD-1", tradeId);

        var request = Mapper.MapReplace(Replace("ORD-2", "ORD-1"), Client);

        var amend = Assert.IsType<AmendTrade>(request.Command);
        Assert.Equal(tradeId, amend.TradeId);
        Assert.Equal("FIX:CLIENT1:G:ORD-2", amend.SourceKey);
        Assert.Equal("ORD-1", request.OrigClientId);
    }

    [Fact]
    public void A_cancel_of_an_unknown_order_is_refused_as_unknown_order()
    {
        var request = Mapper.MapCancel(Cancel("ORD-9", "NOPE"), Client);

        Assert.Null(request.Command);
        Assert.Equal(CaptureRejectReason.UnknownOrder, request.Rejection.Reason);
        Assert.Equal(Tags.OrigClOrdID, request.Rejection.RefTagId);
    }

    [Fact]
    public void Another_session_cannot_reach_an_order_by_its_ClOrdID()
    {
        _index.Record("OTHER", "D", "ORD-1", TradeId.FromInt64(7));

        var request = Mapper.MapCancel(Cancel("ORD-2", "ORD-1"), Client);

        Assert.Equal(CaptureRejectReason.UnknownOrder, request.Rejection.Reason);
    }

    [Fact]
    public void An_allocation_splits_the_block_over_its_accounts_and_counterparties()
    {
        var block = TradeId.FromInt64(11);
        _index.Record("CLIENT1", "D", "BLOCK-1", block);

        var request = Mapper.MapAllocation(Allocation("AL-1", "BLOCK-1", ("EQ-NY", DeutscheBankLei, 60), ("EQ-LDN", GoldmanLei, 40)),
            Client);

        var allocate = Assert.IsType<AllocateTrade>(request.Command);
        Assert.Equal(block, allocate.TradeId);
        Assert.Collection(allocate.Legs,
            leg => Assert.Equal(new AllocationLeg(DemoIds.EquitiesNy, DemoIds.DeutscheBank, Quantity.Parse("60")), leg),
            leg => Assert.Equal(new AllocationLeg(DemoIds.EquitiesLdn, DemoIds.GoldmanSachs, Quantity.Parse("40")), leg));
    }

    [Fact]
    public void Source_keys_round_trip_so_the_index_can_be_rebuilt_from_the_store()
    {
        var key = CaptureSourceKeys.For("CLIENT1", "D", "ORD:WITH:COLONS");

        Assert.True(CaptureSourceKeys.TryParse(key, out var sender, out var msgType, out var clientId));
        Assert.Equal(("CLIENT1", "D", "ORD:WITH:COLONS"), (sender, msgType, clientId));
        Assert.False(CaptureSourceKeys.TryParse("HTTP:abc", out _, out _, out _));
    }
}
