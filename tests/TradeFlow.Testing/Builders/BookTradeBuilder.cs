using TradeFlow.Domain.Trades;
using TradeFlow.Domain.Values;

namespace TradeFlow.Testing.Builders;

/// <summary>
/// Builds <see cref="BookTrade"/> commands with valid defaults from the demo set: Jane Smith buys
/// 1,000 Apple at 190.50 from Goldman Sachs into EQ-NY on Friday 2025-03-14, settlement derived (T+1).
/// </summary>
public sealed class BookTradeBuilder
{
    private static int s_sourceCounter;

    private string? _sourceKey;
    private DateTimeOffset _effectiveTime = new(2025, 3, 14, 14, 30, 0, TimeSpan.Zero);
    private TradeTerms _terms = new(DemoIds.Apple, Side.Buy, Quantity.Of(1_000m), Price.Of(190.50m),
        DemoIds.GoldmanSachs, DemoIds.EquitiesNy, DemoIds.EquityTrader, new BusinessDate(2025, 3, 14));

    /// <summary>An FX forward: sell 10m EUR/GBP at 0.8420 to Barclays, value 2025-06-18.</summary>
    public BookTradeBuilder ForFxForward() => WithTerms(new TradeTerms(DemoIds.EurGbp, Side.Sell, Quantity.Of(10_000_000m),
        Price.Of(0.8420m), DemoIds.Barclays, DemoIds.FxLdn, DemoIds.MacroTrader, new BusinessDate(2025, 3, 14),
        new BusinessDate(2025, 6, 18)));

    /// <summary>An FX spot: buy 5m EUR/USD at 1.0850 from Deutsche Bank, value date derived.</summary>
    public BookTradeBuilder ForFxSpot() => WithTerms(new TradeTerms(DemoIds.EurUsd, Side.Buy, Quantity.Of(5_000_000m),
        Price.Of(1.0850m), DemoIds.DeutscheBank, DemoIds.FxLdn, DemoIds.MacroTrader, new BusinessDate(2025, 3, 14)));

    /// <summary>A bond: buy 2m face of the UST 2034 at 98.5 from Goldman Sachs.</summary>
    public BookTradeBuilder ForBond() => WithTerms(new TradeTerms(DemoIds.Ust2034, Side.Buy, Quantity.Of(2_000_000m),
        Price.Of(98.5m), DemoIds.GoldmanSachs, DemoIds.RatesLdn, DemoIds.MacroTrader, new BusinessDate(2025, 3, 14)));

    /// <summary>Replaces all terms.</summary>
    public BookTradeBuilder WithTerms(TradeTerms terms)
    {
        _terms = terms;
        return this;
    }

    /// <summary>Changes the terms.</summary>
    public BookTradeBuilder With(Func<TradeTerms, TradeTerms> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _terms = change(_terms);
        return this;
    }

    /// <summary>Sets the quantity.</summary>
    public BookTradeBuilder WithQuantity(decimal quantity) => With(t => t with { Quantity = Quantity.Of(quantity) });

    /// <summary>Sets the counterparty.</summary>
    public BookTradeBuilder WithCounterparty(CounterpartyId counterparty) => With(t => t with { Counterparty = counterparty });

    /// <summary>Sets the source key (default: a unique "TEST-n").</summary>
    public BookTradeBuilder WithSourceKey(string sourceKey)
    {
        _sourceKey = sourceKey;
        return this;
    }

    /// <summary>Sets the effective (execution) time.</summary>
    public BookTradeBuilder At(DateTimeOffset effectiveTime)
    {
        _effectiveTime = effectiveTime;
        return this;
    }

    /// <summary>The terms as built so far.</summary>
    public TradeTerms Terms => _terms;

    /// <summary>Builds the command.</summary>
    public BookTrade Build() =>
        new(_sourceKey ?? $"TEST-{Interlocked.Increment(ref s_sourceCounter)}", _effectiveTime, _terms);
}
