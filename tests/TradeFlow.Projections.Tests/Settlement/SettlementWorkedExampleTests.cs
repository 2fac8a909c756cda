using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Settlement;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Settlement;

public class SettlementWorkedExampleTests
{
    private static SettlementProjection Fold(LifecycleDriver driver)
    {
        var settlement = new SettlementProjection(driver.ReferenceData);
        ProjectionSet.Fold(settlement, EventFeed.From(driver.AllEvents));
        return settlement;
    }

    [Fact]
    public void An_equity_buy_receives_the_shares_and_pays_the_consideration_on_t_plus_one_to_the_ssi()
    {
        var d = new LifecycleDriver();
        var id = d.Book(new BookTradeBuilder().Build()); // Fri 2025-03-14, T+1 over the weekend → Mon 17th

        var obligations = Fold(d).ObligationsOf(id);

        var monday = new BusinessDate(2025, 3, 17);
        Assert.Equal(monday, SettlementDates.SettlementDate(new BusinessDate(2025, 3, 14), 1, DemoCalendars.Usd));
        Assert.Equal(
        [
            new Obligation(id, DemoIds.GoldmanSachs, DemoIds.EquitiesNy, ObligationKind.ReceiveSecurities, DemoIds.Apple,
                Currency.USD, 1000m, monday, "USD-CashEquity-784F5X", "GSCMUS33", SettlementStatus.Pending),
            new Obligation(id, DemoIds.GoldmanSachs, DemoIds.EquitiesNy, ObligationKind.PayCash, null,
                Currency.USD, 190_500.00m, monday, "USD-CashEquity-784F5X", "GSCMUS33", SettlementStatus.Pending),
        ], obligations);
    }

    [Fact]
    public void A_bonds_cash_leg_includes_the_accrued_interest()
    {
        var d = new LifecycleDriver();
        var id = d.Book(new BookTradeBuilder().ForBond().Build());

        var cash = Fold(d).ObligationsOf(id).Single(o => o.IsCash);

        Assert.Equal((ObligationKind.PayCash, 1_998_646.41m), (cash.Kind, cash.Amount)); // 1,970,000 + 28,646.41
    }

    [Fact]
    public void A_failed_settlement_ages_in_business_days_and_leaves_the_fails_list_once_settled_late()
    {
        var d = new LifecycleDriver();
        var id = new TradeBuilder().InStatus(TradeStatus.SettlementFailed).Build(d).Id; // due Mon 2025-03-17

        var failed = Fold(d);
        var fail = Assert.Single(failed.Fails(new BusinessDate(2025, 3, 19)));
        Assert.Equal((id, "Insufficient securities", 1, 2), (fail.TradeId, fail.Reason, fail.Attempt, fail.AgeBusinessDays));
        var overdue = Assert.Single(failed.Ladder(new BusinessDate(2025, 3, 19), 5));
        Assert.Equal((true, Currency.USD, 190_500.00m), (overdue.Overdue, overdue.Currency, overdue.Pay));

        Assert.True(d.Send(new SettleTrade(id, d.NextSourceKey(), d.Tick(), new BusinessDate(2025, 3, 19))).IsAccepted);
        var settled = Fold(d);
        Assert.Empty(settled.Fails(new BusinessDate(2025, 3, 19)));
        Assert.Equal((SettlementStatus.Settled, new BusinessDate(2025, 3, 19)),
            (settled.FindTrade(id)!.Status, settled.FindTrade(id)!.SettledOn!.Value));
        Assert.Empty(settled.OutstandingObligations());
    }

    [Fact]
    public void An_amendment_after_instruction_is_refused_and_leaves_the_obligations_as_instructed()
    {
        var d = new LifecycleDriver();
        var id = new TradeBuilder().InStatus(TradeStatus.SettlementInstructed).Build(d).Id;
        var before = Fold(d).ObligationsOf(id);
        var terms = new BookTradeBuilder().Terms with { Quantity = Quantity.Of(2000m) };

        var decision = d.Send(new AmendTrade(id, d.NextSourceKey(), d.Tick(), terms));

        Assert.False(decision.IsAccepted);
        Assert.Equal(before, Fold(d).ObligationsOf(id));
        Assert.Equal(SettlementStatus.Instructed, Fold(d).FindTrade(id)!.Status);
    }

    [Fact]
    public void An_allocation_moves_the_obligations_to_the_children()
    {
        var d = new LifecycleDriver();
        var block = d.Book(new BookTradeBuilder().Build());
        Assert.True(d.Send(new AllocateTrade(block, d.NextSourceKey(), d.Tick(),
        [
            new AllocationLeg(DemoIds.EquitiesNy, DemoIds.GoldmanSachs, Quantity.Of(400m)),
            new AllocationLeg(DemoIds.EquitiesNy, DemoIds.DeutscheBank, Quantity.Of(600m)),
        ])).IsAccepted);

        var settlement = Fold(d);

        Assert.Empty(settlement.ObligationsOf(block));
        Assert.Equal([76_200m, 114_300m], settlement.OutstandingObligations().Where(o => o.IsCash).Select(o => o.Amount));
    }

    [Fact]
    public void Cash_legs_net_per_counterparty_currency_value_date_and_account_and_show_gross_beside_net()
    {
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().Build()); // pay 190,500 USD to GS
        d.Book(new BookTradeBuilder().With(t => t with { Side = Side.Sell, Quantity = Quantity.Of(400m), Price = Price.Of(195m) })
            .Build()); // receive 78,000 USD from GS

        var set = Assert.Single(Fold(d).NettingSets());

        Assert.Equal((DemoIds.GoldmanSachs, Currency.USD, new BusinessDate(2025, 3, 17), "USD-CashEquity-784F5X"),
            (set.Counterparty, set.Currency, set.ValueDate, set.Account));
        Assert.Equal((78_000m, 190_500m, -112_500m, 2), (set.GrossReceive, set.GrossPay, set.Net, set.Trades));
    }

    [Fact]
    public void A_trade_without_an_ssi_is_an_exception_with_its_reason_not_a_failure()
    {
        var data = new ReferenceDataBuilder().WithCounterparty(new Domain.ReferenceData.Counterparty(DemoIds.Barclays,
            "Barclays Bank PLC", true, ReferenceDataBuilder.DemoCounterparty(DemoIds.Barclays, "B", "BARCGB22").CreditLimit, []))
            .Build();
        var d = new LifecycleDriver(data);
        var id = d.Book(new BookTradeBuilder().WithCounterparty(DemoIds.Barclays).Build());

        var settlement = Fold(d);

        var exception = Assert.Single(settlement.Exceptions());
        Assert.Equal((id, Currency.USD), (exception.TradeId, exception.Currency));
        Assert.Contains("has no SSI for USD CashEquity", exception.Reason, StringComparison.Ordinal);
        Assert.Empty(settlement.NettingSets());
    }

    [Fact]
    public void The_ladder_sums_cash_due_per_currency_on_each_coming_business_day()
    {
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().Build()); // USD −190,500 on 17 Mar
        d.Book(new BookTradeBuilder().ForFxSpot().Build()); // EUR +5m, USD −5.425m on 18 Mar (T+2 joint)

        var ladder = Fold(d).Ladder(new BusinessDate(2025, 3, 17), 3);

        Assert.Equal(
        [
            new LadderRow(new BusinessDate(2025, 3, 18), Currency.EUR, 5_000_000m, 0m, false),
            new LadderRow(new BusinessDate(2025, 3, 17), Currency.USD, 0m, 190_500m, false),
            new LadderRow(new BusinessDate(2025, 3, 18), Currency.USD, 0m, 5_425_000m, false),
        ], ladder);
    }
}
