using System.Globalization;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;
using TradeFlow.Testing;
using TradeFlow.Testing.Builders;

namespace TradeFlow.ReferenceData.Tests;

public sealed class ShippedDemoSetTests
{
    [Fact]
    public void The_shipped_demo_files_load_and_hold_exactly_the_demo_set_the_tests_use()
    {
        var shipped = ReferenceDataFiles.Load(RepositoryPaths.DemoReferenceData);
        var expected = new ReferenceDataBuilder().Build();

        Assert.Equal(Describe(expected), Describe(shipped));
    }

    // A canonical, order-independent text of a set: records hold arrays, which compare by reference.
    private static List<string> Describe(ReferenceDataSet set)
    {
        var lines = new List<string>();
        foreach (var c in set.Counterparties.OrderBy(c => c.Id.ToString(), StringComparer.Ordinal))
        {
            lines.Add($"cp {c.Id} {c.Name} active={c.IsActive} limit={c.CreditLimit.LimitId} {c.CreditLimit.Hard}/{c.CreditLimit.Soft}");
            lines.AddRange(c.Ssis.Select(s => $"  ssi {s.Currency} {s.AssetClass} {s.Account} {s.AgentBic} {s.PlaceOfSettlementBic}").Order(StringComparer.Ordinal));
        }

        lines.AddRange(set.Instruments.Select(i => $"inst {i.Id} {i.Name} {i.AssetClass} {i.Currency} T+{i.SettlementCycleDays} {i.Bond}"));
        lines.AddRange(set.Books.Select(b => $"book {b.Id} {b.Name} active={b.IsActive}"));
        lines.AddRange(set.Traders.Select(t =>
            $"trader {t.Id} {t.Name} active={t.IsActive} books={string.Join(',', t.Mandate.AllowedBooks.Select(b => b.ToString()).Order(StringComparer.Ordinal))} classes={string.Join(',', t.Mandate.AllowedAssetClasses.Order())} max={t.Mandate.MaxNotional}"));
        foreach (var currency in new[] { Currency.EUR, Currency.USD, Currency.GBP })
        {
            Assert.True(set.TryGetCalendar(currency, out var calendar));
            lines.Add($"calendar {currency} {calendar.Name}: {string.Join(',', calendar.Holidays)}");
            Assert.True(set.FxRates.TryGetRate(currency, set.FxRates.BaseCurrency, out var rate));
            lines.Add($"rate {currency}->{set.FxRates.BaseCurrency} {rate.ToString(CultureInfo.InvariantCulture)}");
        }

        foreach (var instrument in set.Instruments)
        {
            lines.Add(set.Marks.TryGetPrice(instrument.Id, out var mark) ? $"mark {instrument.Id} {mark} as of {set.Marks.AsOf}" : $"no mark {instrument.Id}");
            lines.Add(set.RestrictedList.IsRestricted(instrument.Id, out var reason) ? $"restricted {instrument.Id}: {reason}" : $"open {instrument.Id}");
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
