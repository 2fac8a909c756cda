using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Engine.Tests.Support;
using TradeFlow.EventSourcing;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Engine.Tests;

public sealed class LifecycleTests : IDisposable
{
    private static readonly DateTimeOffset Later = new(2025, 3, 14, 15, 0, 0, TimeSpan.Zero);
    private readonly EngineHarness _harness = EngineHarness.Start();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Bookings_take_sequential_trade_ids_and_open_one_stream_each()
    {
        var first = await _harness.Book(new BookTradeBuilder().Build());
        var second = await _harness.Book(new BookTradeBuilder().Build());

        Assert.Equal(TradeId.First, first);
        Assert.Equal(TradeId.First.Next(), second);
        Assert.Equal(0, _harness.Store.GetStreamVersion("trade-T000000000001"));
        Assert.Equal(0, _harness.Store.GetStreamVersion("trade-T000000000002"));
    }

    [Fact]
    public async Task A_refused_booking_consumes_its_trade_id_and_is_journaled()
    {
        var refused = await _harness.Send(new BookTradeBuilder().With(t => t with { Price = Price.Of(999m) }).Build());
        var next = await _harness.Book(new BookTradeBuilder().Build());

        Assert.Equal(TradeId.First, refused.TradeId);
        Assert.Equal(TradeId.First.Next(), next);
        var rejected = Assert.Single(_harness.Store.ReadStream("rejections-T000000000001", Direction.Forwards, 0));
        Assert.Equal("TradeRejected", rejected.Type);
    }

    [Fact]
    public async Task Amending_an_unknown_trade_is_rejected_and_journaled()
    {
        var unknown = TradeId.FromInt64(42);

        var outcome = await _harness.Send(new AmendTrade(unknown, "AMD-X", Later, new BookTradeBuilder().Terms));

        Assert.Equal(RejectionCode.TradeNotFound, Assert.Single(outcome.Reasons).Code);
        Assert.Single(_harness.Store.ReadStream("rejections-T000000000042", Direction.Forwards, 0));
    }

    [Fact]
    public async Task Cancelling_an_unknown_trade_is_rejected()
    {
        var outcome = await _harness.Send(new CancelTrade(TradeId.FromInt64(7), "CXL-X", Later, "Wrong trade"));

        Assert.Equal(RejectionCode.TradeNotFound, Assert.Single(outcome.Reasons).Code);
    }

    [Fact]
    public async Task Amending_a_cancelled_trade_is_rejected()
    {
        var id = await _harness.Book(new BookTradeBuilder().Build());
        await _harness.Send(new CancelTrade(id, "CXL-1", Later, "Trader error"));

        var outcome = await _harness.Send(new AmendTrade(id, "AMD-1", Later, new BookTradeBuilder().WithQuantity(900m).Terms));

        Assert.Equal(RejectionCode.TradeClosed, Assert.Single(outcome.Reasons).Code);
        // Booked, cancelled, and the refused amendment, in the trade's own stream.
        Assert.Equal(
            ["TradeBooked", "TradeCancelled", "TradeRejected"],
            _harness.Store.ReadStream("trade-T000000000001", Direction.Forwards, 0).Select(e => e.Type));
    }

    [Fact]
    public async Task Cancelling_a_cancelled_trade_is_rejected()
    {
        var id = await _harness.Book(new BookTradeBuilder().Build());
        await _harness.Send(new CancelTrade(id, "CXL-1", Later, "Trader error"));

        var outcome = await _harness.Send(new CancelTrade(id, "CXL-2", Later, "Again"));

        Assert.Equal(RejectionCode.TradeClosed, Assert.Single(outcome.Reasons).Code);
    }

    [Fact]
    public async Task A_trade_goes_through_its_whole_life_in_its_stream()
    {
        var id = await _harness.Book(new BookTradeBuilder().ForBond().Build());

        TradeCommand[] life =
        [
            new ConfirmTrade(id, "CNF-1", Later, "MT518-1"),
            new InstructSettlement(id, "SI-1", Later),
            new MatchSettlement(id, "SM-1", Later, "MATCH-1"),
            new SettleTrade(id, "SS-1", Later, new BusinessDate(2025, 3, 17)),
            new MatureTrade(id, "MAT-1", Later),
        ];
        foreach (var command in life)
        {
            var outcome = await _harness.Send(command);
            Assert.True(outcome.IsAccepted, outcome.ToString());
            Assert.Equal(id, outcome.TradeId);
        }

        Assert.Equal(
            ["TradeBooked", "TradeConfirmed", "SettlementInstructed", "SettlementMatched", "SettlementSettled", "TradeMatured"],
            _harness.Store.ReadStream("trade-T000000000001", Direction.Forwards, 0).Select(e => e.Type));
    }

    [Fact]
    public async Task An_allocation_appends_to_the_block_and_every_child_in_one_commit()
    {
        var subscriber = new RecordingSubscriber();
        using var harness = EngineHarness.Start(subscribers: [subscriber]);
        var block = await harness.Book(new BookTradeBuilder().Build());

        var outcome = await harness.Send(new AllocateTrade(block, "ALLOC-1", Later,
        [
            new AllocationLeg(DemoIds.EquitiesNy, DemoIds.GoldmanSachs, Quantity.Of(600m)),
            new AllocationLeg(DemoIds.EquitiesLdn, DemoIds.DeutscheBank, Quantity.Of(400m)),
        ]));

        Assert.True(outcome.IsAccepted, outcome.ToString());
        Assert.Equal(block, outcome.TradeId);
        var events = subscriber.Events.Skip(1).ToArray();
        Assert.Equal(["trade-T000000000001", "trade-T000000000002", "trade-T000000000003"], events.Select(e => e.StreamId));
        Assert.All(events.Skip(1), e => Assert.NotNull(((TradeBooked)e.Event).Enrichment!.ExposureContribution));
        Assert.Equal(events.Select(e => e.Position.Value), [2L, 3L, 4L]);
    }

    [Fact]
    public async Task A_booking_and_its_amendment_in_one_batch_keep_decision_order_in_the_store()
    {
        var completion = new RecordingCompletion();
        var book = new BookTradeBuilder().Build();
        var amend = new AmendTrade(TradeId.First, "AMD-1", Later, book.Terms with { Quantity = Quantity.Of(500m) });
        var other = new BookTradeBuilder().Build();

        // Submitted back to back they usually share a journal batch; the stream cannot appear twice in a commit.
        _harness.Engine.Submit(new EngineCommand(book), completion, 1);
        _harness.Engine.Submit(new EngineCommand(amend), completion, 2);
        _harness.Engine.Submit(new EngineCommand(other), completion, 3);

        Assert.True((await completion.WaitFor(2)).IsAccepted);
        Assert.True((await completion.WaitFor(3)).IsAccepted);
        Assert.Equal(["TradeBooked", "TradeAmended", "TradeBooked"], _harness.AllEvents().Select(e => e.Type));
    }

    [Fact]
    public async Task Every_event_carries_a_deterministic_id_the_clock_s_recorded_time_and_the_envelope()
    {
        _harness.Clock.Set(new DateTimeOffset(2025, 3, 14, 14, 31, 5, TimeSpan.Zero));
        var command = new BookTradeBuilder().WithSourceKey("FIX:CLIENT1:571=TR-1").Build();

        await _harness.Engine.SubmitAsync(new EngineCommand(command, "FIX:CLIENT1:34=12", "JSMITH")).WaitAsync(EngineHarness.Timeout);

        var recorded = Assert.Single(_harness.AllEvents());
        Assert.Equal(Journaling.EventIds.For("FIX:CLIENT1:571=TR-1", 0), recorded.EventId);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 14, 31, 5, TimeSpan.Zero), recorded.RecordedTime);
        Assert.Equal(command.EffectiveTime, recorded.EffectiveTime);
        Assert.Equal("FIX:CLIENT1:34=12", recorded.Source);
        Assert.Equal("JSMITH", recorded.Actor);
        Assert.Equal(recorded.EventId, recorded.CorrelationId);
        Assert.Contains("\"sourceKey\":\"FIX:CLIENT1:571=TR-1\"", System.Text.Encoding.UTF8.GetString(recorded.Metadata.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_novation_closes_the_old_trade_and_books_the_new_one()
    {
        var id = await _harness.Book(new BookTradeBuilder().Build());

        var outcome = await _harness.Send(new NovateTrade(id, "NOV-1", Later, DemoIds.DeutscheBank));

        Assert.True(outcome.IsAccepted, outcome.ToString());
        Assert.Equal(
            [("trade-T000000000001", "TradeNovated"), ("trade-T000000000002", "TradeBooked")],
            _harness.AllEvents().Skip(1).Select(e => (e.StreamId, e.Type)));
        Assert.Equal(ImmutableArray<RejectionReason>.Empty, outcome.Reasons);
    }
}
