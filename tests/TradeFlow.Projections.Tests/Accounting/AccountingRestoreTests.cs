using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TradeFlow.Domain.Values;
using TradeFlow.Projections.Accounting;
using TradeFlow.Projections.Tests.Support;
using TradeFlow.Testing.Builders;

namespace TradeFlow.Projections.Tests.Accounting;

// The saved state lists only non-zero ledgers; a ledger back at zero still carries its zero's decimal scale (0.00), which
// the next posting to it keeps. A restore re-posts the journal so that scale, and so the state's bytes, survive the cut.
public class AccountingRestoreTests
{
    [Fact]
    public void A_ledger_settled_back_to_zero_before_the_cut_gives_a_later_whole_amount_its_cents_as_an_uninterrupted_fold_does()
    {
        // Buy 1,000 AAPL at 190.50 from GS and settle it (the payable goes to 0.00), then buy 1,000 at 190.00 from GS:
        // consideration 190000, a whole amount, posted to the payable at 0.00 gives -190000.00.
        var d = new LifecycleDriver();
        var first = d.Book(new BookTradeBuilder().Build());
        AccountingWorkedExampleTests.Settle(d, first);
        var cut = d.AllEvents.Count;
        d.Book(new BookTradeBuilder().With(t => t with { Price = Price.Of(190m) }).Build());
        var events = EventFeed.From(d.AllEvents);

        var uninterrupted = new AccountingProjection(d.ReferenceData);
        ProjectionSet.Fold(uninterrupted, events);
        var before = new AccountingProjection(d.ReferenceData);
        ProjectionSet.Fold(before, events.Take(cut));
        var restored = new AccountingProjection(d.ReferenceData);
        restored.RestoreState(before.SerializeState());
        ProjectionSet.Fold(restored, events.Skip(cut));

        var payable = uninterrupted.Balances().Single(b => b.Key.Account == Account.SettlementPayable);
        Assert.Equal("-190000.00", payable.Balance.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Encoding.UTF8.GetString(uninterrupted.SerializeState()), Encoding.UTF8.GetString(restored.SerializeState()));
    }

    [Fact]
    public void A_saved_state_whose_balances_disagree_with_its_journal_is_refused()
    {
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().Build());
        var accounting = new AccountingProjection(d.ReferenceData);
        ProjectionSet.Fold(accounting, EventFeed.From(d.AllEvents));
        var text = Encoding.UTF8.GetString(accounting.SerializeState());
        var tampered = Regex.Replace(text, "\"balance\":(-?)([0-9])", "\"balance\":${1}1$2", RegexOptions.None, TimeSpan.FromSeconds(10));
        Assert.NotEqual(text, tampered);

        Assert.Throws<JsonException>(() => new AccountingProjection(d.ReferenceData).RestoreState(Encoding.UTF8.GetBytes(tampered)));
    }

    [Fact]
    public void A_state_saved_without_its_journal_restores_its_saved_balances()
    {
        var d = new LifecycleDriver();
        d.Book(new BookTradeBuilder().Build());
        var options = new AccountingOptions(keepJournal: false);
        var saved = new AccountingProjection(d.ReferenceData, options);
        ProjectionSet.Fold(saved, EventFeed.From(d.AllEvents));

        var restored = new AccountingProjection(d.ReferenceData, options);
        restored.RestoreState(saved.SerializeState());

        Assert.Equal(Render.Balances(saved.Balances()), Render.Balances(restored.Balances()));
        Assert.NotEmpty(restored.Balances());
        Assert.Equal(saved.SerializeState(), restored.SerializeState());
    }
}
