using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Accounting;

public class AccountingWorkedExampleTests
{
    private static AccountingProjection Fold(LifecycleDriver driver, AccountingOptions? options = null)
    {
        var accounting = new AccountingProjection(driver.ReferenceData, options);
        ProjectionSet.Fold(accounting, EventFeed.From(driver.AllEvents));
        return accounting;
    }

    internal static void Settle(LifecycleDriver d, TradeId id)
    {
        Assert.True(d.Send(new InstructSettlement(id, d.NextSourceKey(), d.Tick())).IsAccepted);
        Assert.True(d.Send(new MatchSettlement(id, d.NextSourceKey(), d.Tick(), "M-" + id)).IsAccepted);
        Assert.True(d.Send(new SettleTrade(id, d.NextSourceKey(), d.Tick(), d[id].Economics.SettlementDate)).IsAccepted);
    }

    [Fact]
    public void An_equity_buy_and_a_partial_sale_post_cost_realised_pnl_and_settle_to_cash()
    {
        // docs/accounting.md, worked example: buy 1,000 AAPL at 190.50 from GS, sell 400 at 195.00 to DB, both settle.
        var d = new LifecycleDriver();
        var buy = d.Book(new BookTradeBuilder().Build());
        var sell = d.Book(new BookTradeBuilder().With(t => t with
        {
            Side = Side.Sell, Quantity = Quantity.Of(400m), Price = Price.Of(195.00m), Counterparty = DemoIds.DeutscheBank,
        }).Build());
        Settle(d, buy);
        Settle(d, sell);

        var accounting = Fold(d);

        Assert.Equal(
            """
            #1 TradeDate T000000000001 @1
              Cr SettlementPayable USD EQ-NY 784F 190500.00
              Dr SecuritiesPosition USD EQ-NY 190500.00
            #2 TradeDate T000000000002 @2
              Dr SettlementReceivable USD EQ-NY 7LTW 78000.00
              Cr SecuritiesPosition USD EQ-NY 76200.00
              Cr RealisedPnl USD EQ-NY 1800.00
            #3 Settlement T000000000001 @5
              Dr SettlementPayable USD EQ-NY 784F 190500.00
              Cr Cash USD EQ-NY 190500.00
            #4 Settlement T000000000002 @8
              Cr SettlementReceivable USD EQ-NY 7LTW 78000.00
              Dr Cash USD EQ-NY 78000.00

            """.ReplaceLineEndings("\n"),
            Render.Journal(accounting.Journal));
        Assert.Equal(
            """
            SecuritiesPosition USD EQ-NY 114300.00
            Cash USD EQ-NY -112500.00
            RealisedPnl USD EQ-NY -1800.00

            """.ReplaceLineEndings("\n"),
            Render.Balances(accounting.Balances()));
        Assert.Equal(0m, Assert.Single(accounting.TrialBalance()).Net);
    }

    [Fact]
    public void Fifo_and_weighted_average_relieve_different_costs_for_the_same_trades()
    {
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().WithQuantity(100m).Build());
        d.Book(new BookTradeBuilder().With(t => t with { Quantity = Quantity.Of(100m), Price = Price.Of(200.50m) }).Build());
        d.Book(new BookTradeBuilder().With(t => t with { Side = Side.Sell, Quantity = Quantity.Of(150m), Price = Price.Of(210m) }).Build());

        var fifo = Fold(d, new AccountingOptions(CostMethod.Fifo)).CostPositions().Single();
        var average = Fold(d, new AccountingOptions(CostMethod.WeightedAverage)).CostPositions().Single();

        // FIFO: 100 × 190.50 + 50 × 200.50 = 29,075 relieved; proceeds 31,500 → 2,425 realised; 50 left at 200.50.
        Assert.Equal((50m, 10_025m, 2_425m), (fifo.Quantity, fifo.Cost, fifo.RealisedPnl));
        // Average 195.50: 150 × 195.50 = 29,325 relieved → 2,175 realised; 50 left at 195.50.
        Assert.Equal((50m, 9_775m, 2_175m), (average.Quantity, average.Cost, average.RealisedPnl));
    }

    [Fact]
    public void A_bond_bought_before_and_sold_after_a_coupon_date_books_the_accrued_interest_of_each_settlement_date()
    {
        // UST 4.25 % semi-annual, ACT/ACT ICMA, coupons 15 May / 15 Nov.
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().ForBond().Build()); // 2m face at 98.5, settles 2025-03-17
        d.Book(new BookTradeBuilder().ForBond().At(new DateTimeOffset(2025, 5, 20, 10, 0, 0, TimeSpan.Zero))
            .With(t => t with { Side = Side.Sell, Price = Price.Of(99m), TradeDate = new BusinessDate(2025, 5, 20) }).Build());

        var accounting = Fold(d);

        // Buy: 122 of 181 days since 15 Nov: 2,000,000 × 2.125 % × 122/181 = 28,646.41.
        // Sell (settles 21 May): 6 of 184 days since 15 May: 2,000,000 × 2.125 % × 6/184 = 1,385.87.
        Assert.Equal(
            """
            #1 TradeDate T000000000001 @1
              Cr SettlementPayable USD RATES-LDN 784F 1998646.41
              Dr AccruedInterest USD RATES-LDN 28646.41
              Dr SecuritiesPosition USD RATES-LDN 1970000.00
            #2 TradeDate T000000000002 @2
              Dr SettlementReceivable USD RATES-LDN 784F 1981385.87
              Cr AccruedInterest USD RATES-LDN 1385.87
              Cr SecuritiesPosition USD RATES-LDN 1970000.00
              Cr RealisedPnl USD RATES-LDN 10000.00

            """.ReplaceLineEndings("\n"),
            Render.Journal(accounting.Journal));
    }

    [Fact]
    public void An_fx_spot_balances_each_currency_through_the_fx_position_account()
    {
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().ForFxSpot().Build()); // buy 5m EUR/USD at 1.0850 from DB

        var accounting = Fold(d);

        Assert.Equal(
            """
            #1 TradeDate T000000000001 @1
              Dr SettlementReceivable EUR FX-LDN 7LTW 5000000.00
              Cr FxPosition EUR FX-LDN 5000000.00
              Dr FxPosition USD FX-LDN 5425000.00
              Cr SettlementPayable USD FX-LDN 7LTW 5425000.00

            """.ReplaceLineEndings("\n"),
            Render.Journal(accounting.Journal));
        Assert.All(accounting.TrialBalance(), l => Assert.Equal(0m, l.Net));
    }

    [Fact]
    public void An_amendment_reverses_and_reposts_and_a_cancellation_reverses_everything()
    {
        var d = new LifecycleDriver();
        var id = d.Book(new BookTradeBuilder().Build());
        var terms = new BookTradeBuilder().Terms with { Price = Price.Of(191.00m) };
        Assert.True(d.Send(new AmendTrade(id, d.NextSourceKey(), d.Tick(), terms)).IsAccepted);
        Assert.True(d.Send(new CancelTrade(id, d.NextSourceKey(), d.Tick(), "Booked in error")).IsAccepted);

        var accounting = Fold(d);

        Assert.Equal(
            """
            #1 TradeDate T000000000001 @1
              Cr SettlementPayable USD EQ-NY 784F 190500.00
              Dr SecuritiesPosition USD EQ-NY 190500.00
            #2 Amendment T000000000001 @2
              Dr SettlementPayable USD EQ-NY 784F 190500.00
              Cr SettlementPayable USD EQ-NY 784F 191000.00
              Dr SecuritiesPosition USD EQ-NY 500.00
            #3 Cancellation T000000000001 @3
              Dr SettlementPayable USD EQ-NY 784F 191000.00
              Cr SecuritiesPosition USD EQ-NY 191000.00

            """.ReplaceLineEndings("\n"),
            Render.Journal(accounting.Journal));
        Assert.Empty(accounting.Balances());
    }

    [Fact]
    public void A_novation_moves_the_open_claims_to_the_new_counterparty_and_keeps_the_position()
    {
        var d = new LifecycleDriver();
        var id = d.Book(new BookTradeBuilder().Build());
        Assert.True(d.Send(new NovateTrade(id, d.NextSourceKey(), d.Tick(), DemoIds.Barclays)).IsAccepted);

        var accounting = Fold(d);

        Assert.Equal(
            """
            #2 Novation T000000000002 @3
              Dr SettlementPayable USD EQ-NY 784F 190500.00
              Cr SettlementPayable USD EQ-NY G5GS 190500.00

            """.ReplaceLineEndings("\n"),
            Render.Journal(accounting.Journal.Skip(1)));
        Assert.Equal(190_500m, accounting.CostPositions().Single().Cost);
    }

    [Fact]
    public void An_allocation_reverses_the_block_and_books_each_child()
    {
        var d = new LifecycleDriver();
        var block = d.Book(new BookTradeBuilder().Build());
        Assert.True(d.Send(new AllocateTrade(block, d.NextSourceKey(), d.Tick(),
        [
            new AllocationLeg(DemoIds.EquitiesNy, DemoIds.GoldmanSachs, Quantity.Of(400m)),
            new AllocationLeg(DemoIds.EquitiesNy, DemoIds.DeutscheBank, Quantity.Of(600m)),
        ])).IsAccepted);

        var accounting = Fold(d);

        Assert.Equal(
            """
            #2 Allocation T000000000001 @2
              Dr SettlementPayable USD EQ-NY 784F 190500.00
              Cr SecuritiesPosition USD EQ-NY 190500.00
            #3 TradeDate T000000000002 @3
              Cr SettlementPayable USD EQ-NY 784F 76200.00
              Dr SecuritiesPosition USD EQ-NY 76200.00
            #4 TradeDate T000000000003 @4
              Cr SettlementPayable USD EQ-NY 7LTW 114300.00
              Dr SecuritiesPosition USD EQ-NY 114300.00

            """.ReplaceLineEndings("\n"),
            Render.Journal(accounting.Journal.Skip(1)));
        Assert.Equal((1000m, 190_500m), (accounting.CostPositions().Single().Quantity, accounting.CostPositions().Single().Cost));
    }
}
