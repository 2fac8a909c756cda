using FsCheck;
using FsCheck.Fluent;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Tests.Support;

namespace TradeFlow.Projections.Tests.Accounting;

public class AccountingPropertyTests
{
    [Fact]
    public void Every_posting_balances_and_the_trial_balance_sums_to_zero_per_currency_after_any_valid_lifecycle()
    {
        Prop.ForAll(RandomHistory.Arbitrary(), steps =>
        {
            var driver = RandomHistory.Run(steps);
            var accounting = new AccountingProjection(driver.ReferenceData,
                new AccountingOptions(CostMethod.Fifo, [new(Testing.Builders.DemoIds.EquitiesLdn, CostMethod.WeightedAverage)]));
            foreach (var e in EventFeed.From(driver.AllEvents))
            {
                accounting.Apply(e);
            }

            Assert.All(accounting.Journal, entry => Assert.True(entry.IsBalanced, $"entry {entry.Number} is unbalanced"));
            Assert.All(accounting.TrialBalance(), line => Assert.Equal(0m, line.Net));
            Assert.All(accounting.Journal.SelectMany(j => j.Lines), l => Assert.Equal(l.Amount, decimal.Round(l.Amount, l.Currency.MinorUnits)));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Settled_trades_leave_no_receivable_or_payable_behind()
    {
        Prop.ForAll(RandomHistory.Arbitrary(), steps =>
        {
            var driver = RandomHistory.Run(steps);
            var accounting = new AccountingProjection(driver.ReferenceData);
            foreach (var e in EventFeed.From(driver.AllEvents))
            {
                accounting.Apply(e);
            }

            // Receivables and payables of a counterparty are exactly the open lines of its unsettled live trades.
            var open = driver.AllEvents.Select(e => e.TradeId).Distinct()
                .Select(accounting.FindTrade).OfType<AccountingTrade>()
                .Where(t => !t.Settled && !t.Closed)
                .SelectMany(t => t.OpenLines)
                .Where(l => l.Account is Account.SettlementReceivable or Account.SettlementPayable)
                .GroupBy(l => l.Key).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
            var ledgers = accounting.Balances()
                .Where(b => b.Key.Account is Account.SettlementReceivable or Account.SettlementPayable)
                .ToDictionary(b => b.Key, b => b.Balance);
            Assert.Equal(open.Where(kv => kv.Value != 0m).OrderBy(kv => kv.Key, LedgerKey.Order),
                ledgers.OrderBy(kv => kv.Key, LedgerKey.Order));
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
