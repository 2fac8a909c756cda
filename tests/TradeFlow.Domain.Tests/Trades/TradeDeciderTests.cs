using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Domain.Tests.Trades;

public class TradeDeciderTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 17, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Amending_a_cancelled_trade_is_rejected_with_a_reason_naming_trade_state_and_command()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().InStatus(TradeStatus.Cancelled).Build(driver);

        var decision = driver.Send(new AmendTrade(trade.Id, "K1", At, new BookTradeBuilder().WithQuantity(5m).Terms));

        Assert.False(decision.IsAccepted);
        Assert.Equal(RejectionCode.TradeClosed, decision.Reasons.Single().Code);
        Assert.Equal("Cannot amend trade T000000000001: it is Cancelled", decision.Reasons.Single().Message);
        var rejected = Assert.IsType<TradeRejected>(Assert.Single(decision.Events));
        Assert.Equal(("K1", TradeCommandKind.Amend), (rejected.SourceKey, rejected.CommandKind));
    }

    [Fact]
    public void Booking_derives_the_settlement_date_from_the_instrument_cycle_and_calendar()
    {
        // Apple settles T+1 on the USD calendar: Friday 2025-03-14 → Monday 2025-03-17.
        var driver = new LifecycleDriver();
        var booked = (TradeBooked)driver.Send(new BookTradeBuilder().Build()).Events[0];

        Assert.Equal(new BusinessDate(2025, 3, 17), booked.Economics.SettlementDate);
        Assert.Equal(new Money(190_500m, Currency.USD), booked.Notional);
        Assert.Equal(AssetClass.CashEquity, booked.AssetClass);
    }

    [Fact]
    public void An_fx_spot_value_date_skips_holidays_of_either_currency()
    {
        // EUR/USD traded Wednesday 2025-04-16: T+2 on TARGET+USD skips Good Friday 18 April and
        // Easter Monday 21 April (TARGET holidays) → Tuesday 2025-04-22.
        var driver = new LifecycleDriver();
        var booking = new BookTradeBuilder().ForFxSpot().With(t => t with { TradeDate = new BusinessDate(2025, 4, 16) });

        var booked = (TradeBooked)driver.Send(booking.Build()).Events[0];

        Assert.Equal(new BusinessDate(2025, 4, 22), booked.Economics.SettlementDate);
    }

    [Fact]
    public void A_booking_with_several_problems_is_rejected_with_every_reason()
    {
        var driver = new LifecycleDriver();
        var booking = new BookTradeBuilder().With(t => t with
        {
            Counterparty = DemoIds.BnpParibas,
            Book = DemoIds.ClosedBook,
            SettlementDate = new BusinessDate(2025, 3, 13),
        });

        var decision = driver.Send(booking.Build());

        Assert.Equal(
            [RejectionCode.InactiveCounterparty, RejectionCode.InactiveBook, RejectionCode.InvalidDates],
            decision.Reasons.Select(r => r.Code));
        Assert.Equal(1, decision.TradeIdsUsed);
        Assert.Equal(TradeId.First, decision.Rejection!.TradeId);
        Assert.Null(driver.Find(TradeId.First));
    }

    [Fact]
    public void Booking_an_unknown_instrument_is_rejected()
    {
        var decision = new LifecycleDriver().Send(new BookTradeBuilder()
            .With(t => t with { Instrument = InstrumentId.Parse("US5949181045") }).Build());

        Assert.Equal(RejectionCode.UnknownInstrument, decision.Reasons.Single().Code);
    }

    [Fact]
    public void An_fx_forward_without_a_value_date_is_rejected()
    {
        var decision = new LifecycleDriver().Send(new BookTradeBuilder().ForFxForward()
            .With(t => t with { SettlementDate = null }).Build());

        Assert.Equal(RejectionCode.InvalidDates, decision.Reasons.Single().Code);
    }

    [Fact]
    public void An_amendment_keeps_the_previous_economics_and_resets_confirmation()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().Confirmed().Build(driver);
        var newTerms = new BookTradeBuilder().With(t => t with { Price = Price.Of(191m) }).Terms;

        var amended = (TradeAmended)driver.Send(new AmendTrade(trade.Id, "K", At, newTerms)).Events[0];

        Assert.Equal(Price.Of(190.50m), amended.Previous.Price);
        Assert.Equal(Price.Of(191m), amended.Current.Price);
        Assert.False(driver[trade.Id].IsConfirmed);
    }

    [Fact]
    public void Amending_the_instrument_is_rejected()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().Build(driver);
        var terms = new BookTradeBuilder().With(t => t with { Instrument = DemoIds.Sap, Book = DemoIds.EquitiesLdn }).Terms;

        var decision = driver.Send(new AmendTrade(trade.Id, "K", At, terms));

        Assert.Equal(RejectionCode.InstrumentChange, decision.Reasons.Single().Code);
    }

    [Fact]
    public void Allocating_more_than_the_block_is_rejected()
    {
        var driver = new LifecycleDriver();
        var block = new TradeBuilder().Build(driver); // 1,000 shares

        var decision = driver.Send(new AllocateTrade(block.Id, "K", At,
        [
            new AllocationLeg(DemoIds.EquitiesNy, DemoIds.GoldmanSachs, Quantity.Of(600m)),
            new AllocationLeg(DemoIds.EquitiesNy, DemoIds.DeutscheBank, Quantity.Of(500m)),
        ]));

        Assert.Equal(RejectionCode.AllocationMismatch, decision.Reasons.Single().Code);
        Assert.Contains("the children sum to 1100 but the block is 1000", decision.Reasons.Single().Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Allocation_closes_the_block_and_books_children_with_consecutive_ids()
    {
        var driver = new LifecycleDriver();
        var block = new TradeBuilder().Build(driver);

        var decision = driver.Send(new AllocateTrade(block.Id, "K", At,
        [
            new AllocationLeg(DemoIds.EquitiesNy, DemoIds.GoldmanSachs, Quantity.Of(700m)),
            new AllocationLeg(DemoIds.EquitiesLdn, DemoIds.DeutscheBank, Quantity.Of(300m)),
        ]));

        Assert.Equal(2, decision.TradeIdsUsed);
        Assert.Equal(TradeStatus.Allocated, driver[block.Id].Status);
        var children = ((TradeAllocated)decision.Events[0]).Children;
        Assert.Equal([TradeId.FromInt64(2), TradeId.FromInt64(3)], children.Select(c => c.ChildTradeId));
        Assert.Equal(block.Id, driver[TradeId.FromInt64(3)].ParentTradeId);
        Assert.Equal(Quantity.Of(300m), driver[TradeId.FromInt64(3)].Economics.Quantity);
        Assert.Equal(DemoIds.EquitiesLdn, driver[TradeId.FromInt64(3)].Economics.Book);
    }

    [Fact]
    public void Novation_closes_the_trade_and_books_an_unconfirmed_trade_with_the_new_counterparty()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().WithBooking(b => b.ForFxForward()).Confirmed().Build(driver);

        var decision = driver.Send(new NovateTrade(trade.Id, "K", At, DemoIds.GoldmanSachs));

        var novated = Assert.IsType<TradeNovated>(decision.Events[0]);
        var successor = driver[novated.NewTradeId];
        Assert.Equal(TradeStatus.Novated, driver[trade.Id].Status);
        Assert.Equal(DemoIds.GoldmanSachs, successor.Economics.Counterparty);
        Assert.Equal(trade.Id, successor.NovatedFromTradeId);
        Assert.False(successor.IsConfirmed);
    }

    [Fact]
    public void Novating_to_the_current_counterparty_is_rejected()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().Build(driver);

        var decision = driver.Send(new NovateTrade(trade.Id, "K", At, trade.Economics.Counterparty));

        Assert.Equal(RejectionCode.SameCounterparty, decision.Reasons.Single().Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(1500)]
    public void Terminating_nothing_or_the_whole_quantity_or_more_is_rejected(int quantity)
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().Build(driver);

        var decision = driver.Send(new PartiallyTerminateTrade(trade.Id, "K", At, Quantity.Of(quantity)));

        Assert.Equal(RejectionCode.InvalidQuantity, decision.Reasons.Single().Code);
    }

    [Fact]
    public void A_partial_termination_keeps_the_trade_live_with_the_remaining_quantity()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().Build(driver);

        driver.Send(new PartiallyTerminateTrade(trade.Id, "K", At, Quantity.Of(400m)));

        Assert.Equal(TradeStatus.Booked, driver[trade.Id].Status);
        Assert.Equal(Quantity.Of(600m), driver[trade.Id].Economics.Quantity);
    }

    [Fact]
    public void An_equity_trade_may_be_instructed_without_confirmation_and_confirmed_later()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().Build(driver);

        Assert.True(driver.Send(new InstructSettlement(trade.Id, "K1", At)).IsAccepted);
        Assert.True(driver.Send(new ConfirmTrade(trade.Id, "K2", At, "AFFIRM-1")).IsAccepted);
        Assert.True(driver[trade.Id].IsConfirmed);
    }

    [Fact]
    public void Settling_an_unconfirmed_bond_trade_is_refused_because_confirmation_is_required()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().WithBooking(b => b.ForBond()).Build(driver);

        var decision = driver.Send(new InstructSettlement(trade.Id, "K", At));

        Assert.Equal(RejectionCode.ConfirmationRequired, decision.Reasons.Single().Code);
        Assert.Equal("Cannot instruct settlement of trade T000000000001: it is Booked and unconfirmed; "
            + "GovernmentBond trades must be confirmed before settlement", decision.Reasons.Single().Message);
    }

    [Fact]
    public void A_custom_policy_can_waive_confirmation_for_bonds()
    {
        var driver = new LifecycleDriver(policy: new ConfirmationPolicy([AssetClass.FxForward]));
        var trade = new TradeBuilder().WithBooking(b => b.ForBond()).Build(driver);

        Assert.True(driver.Send(new InstructSettlement(trade.Id, "K", At)).IsAccepted);
    }

    [Fact]
    public void A_failed_settlement_is_reinstructed_as_a_new_attempt_and_then_settles()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().WithBooking(b => b.ForFxSpot()).InStatus(TradeStatus.SettlementFailed).Build(driver);

        var again = (SettlementInstructed)driver.Send(new InstructSettlement(trade.Id, "K1", At)).Events[0];
        driver.Send(new MatchSettlement(trade.Id, "K2", At, "M2"));
        driver.Send(new SettleTrade(trade.Id, "K3", At, new BusinessDate(2025, 3, 19)));

        Assert.Equal(2, again.Attempt);
        Assert.Equal([Currency.EUR, Currency.USD], again.Accounts.Select(a => a.Currency));
        Assert.Equal(TradeStatus.Settled, driver[trade.Id].Status);
        Assert.Equal(new BusinessDate(2025, 3, 19), driver[trade.Id].SettledOn);
    }

    [Fact]
    public void Instructing_without_a_standing_settlement_instruction_is_rejected()
    {
        var noSsis = new Counterparty(DemoIds.GoldmanSachs, "Goldman Sachs Group, Inc.", true,
            new CreditLimit("CL-GS", new Money(1m, Currency.USD), new Money(1m, Currency.USD)), []);
        var driver = new LifecycleDriver(new ReferenceDataBuilder().WithCounterparty(noSsis).Build());
        var trade = new TradeBuilder().Build(driver);

        var decision = driver.Send(new InstructSettlement(trade.Id, "K", At));

        Assert.Equal(RejectionCode.MissingSettlementInstruction, decision.Reasons.Single().Code);
    }

    [Fact]
    public void Maturing_a_settled_equity_trade_is_rejected_because_equities_have_no_maturity()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().InStatus(TradeStatus.Settled).Build(driver);

        var decision = driver.Send(new MatureTrade(trade.Id, "K", At));

        Assert.Equal(RejectionCode.NoMaturity, decision.Reasons.Single().Code);
    }

    [Fact]
    public void A_settled_bond_trade_matures()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().WithBooking(b => b.ForBond()).InStatus(TradeStatus.Matured).Build(driver);

        Assert.Equal(TradeStatus.Matured, trade.Status);
        Assert.False(trade.IsOpen);
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("")]
    public void A_cancellation_without_a_reason_is_rejected(string reason)
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().Build(driver);

        Assert.Equal(RejectionCode.InvalidCommand, driver.Send(new CancelTrade(trade.Id, "K", At, reason)).Reasons.Single().Code);
    }

    [Fact]
    public void Rejections_are_recorded_in_the_trade_stream_and_count_towards_its_version()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().Build(driver);

        driver.Send(new MatchSettlement(trade.Id, "K", At, "M"));

        Assert.Equal(2, driver[trade.Id].Version);
        Assert.IsType<TradeRejected>(driver.StreamOf(trade.Id)[1]);
        Assert.Equal(TradeStatus.Booked, driver[trade.Id].Status);
    }

    [Fact]
    public void Deciding_a_command_against_another_trades_state_is_a_programming_error()
    {
        var driver = new LifecycleDriver();
        var trade = new TradeBuilder().Build(driver);
        var context = new DecisionContext(driver.ReferenceData, driver.NextTradeId);

        Assert.Throws<ArgumentException>(() =>
            TradeDecider.Decide(trade, new CancelTrade(TradeId.FromInt64(99), "K", At, "x"), context));
    }
}
