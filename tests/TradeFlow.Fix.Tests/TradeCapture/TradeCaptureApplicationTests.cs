using TradeFlow.Domain.Values;
using TradeFlow.Engine;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.InMemory;
using TradeFlow.Fix.Codec;
using TradeFlow.Fix.Session;
using TradeFlow.Fix.TradeCapture;
using TradeFlow.Testing.Builders;
using TradeFlow.Testing.Time;
using static TradeFlow.Fix.Tests.TradeCapture.CaptureMessages;

namespace TradeFlow.Fix.Tests.TradeCapture;

public sealed class TradeCaptureApplicationTests : IDisposable
{
    private readonly InMemoryEventStore _store = new();
    private readonly RecordedReplies _replies = new();
    private readonly TradeEngine _engine;
    private readonly TradeCaptureApplication _application;

    public TradeCaptureApplicationTests()
    {
        _engine = new TradeEngine(new EngineOptions(_store, new ReferenceDataBuilder().Build(), new FakeClock()));
        _engine.Start();
        _application = new TradeCaptureApplication(_engine, _replies);
    }

    [Fact]
    public async Task A_booked_order_is_answered_new_then_filled_with_the_trade_id_as_OrderID()
    {
        _application.FromApp(NewOrder("ORD-1"), Client);

        var accepted = await _replies.Next();
        var filled = await _replies.Next();
        Assert.Equal(("8", "0", "0"), (accepted.MsgType, accepted.Field(Tags.ExecType), accepted.Field(Tags.OrdStatus)));
        Assert.Equal(("8", "F", "2"), (filled.MsgType, filled.Field(Tags.ExecType), filled.Field(Tags.OrdStatus)));
        Assert.True(TradeId.TryParse(filled.Field(Tags.OrderID), out var tradeId));
        Assert.Equal(("ORD-1", "100", "190.25", "100", "0"), (filled.Field(Tags.ClOrdID), filled.Field(Tags.LastQty),
            filled.Field(Tags.LastPx), filled.Field(Tags.CumQty), filled.Field(Tags.LeavesQty)));
        Assert.Contains(_store.ReadAll(GlobalPosition.Start, Direction.Forwards), e => e.StreamId == $"trade-{tradeId}");
    }

    [Fact]
    public async Task A_resent_order_gets_the_original_answer_and_books_nothing()
    {
        _application.FromApp(NewOrder("ORD-1"), Client);
        await _replies.Next();
        var original = await _replies.Next();
        var eventsBefore = _store.ReadAll(GlobalPosition.Start, Direction.Forwards).Count();

        _application.FromApp(NewOrder("ORD-1"), Client);

        await _replies.Next();
        var again = await _replies.Next();
        Assert.Equal(original.Field(Tags.OrderID), again.Field(Tags.OrderID));
        Assert.Equal(eventsBefore, _store.ReadAll(GlobalPosition.Start, Direction.Forwards).Count());
    }

    [Fact]
    public async Task A_report_on_a_restricted_instrument_is_acked_as_rejected_unauthorized_with_the_reason()
    {
        _application.FromApp(TradeReport("TR-1", instrument: "48=GB0002634946|22=4|55=BA.L|"), Client);

        var ack = await _replies.Next();
        Assert.Equal("AR", ack.MsgType);
        Assert.Equal(("TR-1", "1", "3"), (ack.Field(Tags.TradeReportID), ack.Field(Tags.TrdRptStatus), ack.Field(Tags.TradeReportRejectReason)));
        Assert.Contains("RestrictedInstrument", ack.Field(Tags.Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accepted_report_is_acked_with_the_TradeFlow_trade_id()
    {
        _application.FromApp(TradeReport("TR-1"), Client);

        var ack = await _replies.Next();
        Assert.Equal(("AR", "0"), (ack.MsgType, ack.Field(Tags.TrdRptStatus)));
        Assert.True(TradeId.TryParse(ack.Field(818), out _));
    }

    [Fact]
    public async Task A_replace_then_a_cancel_by_ClOrdID_chain_reach_the_booked_trade()
    {
        _application.FromApp(NewOrder("ORD-1"), Client);
        await _replies.Next();
        var tradeId = (await _replies.Next()).Field(Tags.OrderID);

        _application.FromApp(Replace("ORD-2", "ORD-1", qty: "150"), Client);
        var replaced = await _replies.Next();
        _application.FromApp(Cancel("ORD-3", "ORD-2"), Client);
        var cancelled = await _replies.Next();

        Assert.Equal(("5", "2", "150", tradeId), (replaced.Field(Tags.ExecType), replaced.Field(Tags.OrdStatus),
            replaced.Field(Tags.CumQty), replaced.Field(Tags.OrderID)));
        Assert.Equal(("4", "4", "ORD-2", tradeId), (cancelled.Field(Tags.ExecType), cancelled.Field(Tags.OrdStatus),
            cancelled.Field(Tags.OrigClOrdID), cancelled.Field(Tags.OrderID)));
    }

    [Fact]
    public async Task Cancelling_a_cancelled_trade_is_an_OrderCancelReject_too_late()
    {
        _application.FromApp(NewOrder("ORD-1"), Client);
        await _replies.Next();
        await _replies.Next();
        _application.FromApp(Cancel("ORD-2", "ORD-1"), Client);
        await _replies.Next();

        _application.FromApp(Cancel("ORD-3", "ORD-1"), Client);

        var reject = await _replies.Next();
        Assert.Equal(("9", "1", "0"), (reject.MsgType, reject.Field(Tags.CxlRejResponseTo), reject.Field(Tags.CxlRejReason)));
    }

    [Fact]
    public async Task A_cancel_of_an_unknown_order_is_rejected_without_reaching_the_engine()
    {
        _application.FromApp(Cancel("ORD-2", "NEVER"), Client);

        var reject = await _replies.Next();
        Assert.Equal(("9", "1", "NONE"), (reject.MsgType, reject.Field(Tags.CxlRejReason), reject.Field(Tags.OrderID)));
        Assert.Empty(_store.ReadAll(GlobalPosition.Start, Direction.Forwards));
    }

    [Fact]
    public async Task An_allocation_of_a_booked_block_is_acked_accepted()
    {
        _application.FromApp(NewOrder("BLOCK-1"), Client);
        await _replies.Next();
        await _replies.Next();

        _application.FromApp(Allocation("AL-1", "BLOCK-1", ("EQ-NY", DeutscheBankLei, 60), ("EQ-LDN", GoldmanLei, 40)), Client);

        var ack = await _replies.Next();
        Assert.Equal(("P", "AL-1", "0"), (ack.MsgType, ack.Field(Tags.AllocID), ack.Field(Tags.AllocStatus)));
    }

    [Fact]
    public async Task An_allocation_that_does_not_sum_to_the_block_is_rejected_at_block_level()
    {
        _application.FromApp(NewOrder("BLOCK-1"), Client);
        await _replies.Next();
        await _replies.Next();

        _application.FromApp(Allocation("AL-1", "BLOCK-1", ("EQ-NY", DeutscheBankLei, 60), ("EQ-LDN", GoldmanLei, 30)), Client);

        var ack = await _replies.Next();
        Assert.Equal(("1", "1"), (ack.Field(Tags.AllocStatus), ack.Field(Tags.AllocRejCode)));
    }

    [Fact]
    public void An_unsupported_application_message_is_left_to_the_session_to_reject()
    {
        var quoteRequest = Message("R", "131=Q-1|146=1|55=AAPL|");

        Assert.Throws<UnsupportedMessageTypeException>(() => _application.FromApp(quoteRequest, Client));
    }

    [Fact]
    public async Task The_booking_index_is_rebuilt_from_the_store_after_a_restart()
    {
        _application.FromApp(NewOrder("ORD-1"), Client);
        _application.FromApp(TradeReport("TR-1"), Client);
        await _replies.Next();
        var tradeId = TradeId.Parse((await _replies.Next()).Field(Tags.OrderID)!);
        await _replies.Next();

        var rebuilt = new BookingIndex();
        var count = await BookingIndexLoader.LoadAsync(_store, rebuilt);

        Assert.Equal(2, count);
        Assert.True(rebuilt.TryFind("CLIENT1", "F", "ORD-1", out var found));
        Assert.Equal(tradeId, found);
        Assert.True(rebuilt.TryFind("CLIENT1", "AE", "TR-1", out _));
    }

    public void Dispose()
    {
        _engine.Stop(TimeSpan.FromSeconds(30));
        _engine.Dispose();
        _application.Dispose();
    }
}
