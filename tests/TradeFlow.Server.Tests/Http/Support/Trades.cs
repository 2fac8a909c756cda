using TradeFlow.Testing.Builders;

namespace TradeFlow.Server.Tests.Http.Support;

/// <summary>Booking bodies from the demo set, as a trader's client sends them.</summary>
internal static class Trades
{
    /// <summary>Buy 1,000 Apple at 190.50 from Goldman Sachs into EQ-NY, trade date 2025-03-14.</summary>
    public static object Apple(decimal quantity = 1_000m) => new
    {
        instrument = DemoIds.Apple.ToString(),
        side = "Buy",
        quantity,
        price = 190.50m,
        counterparty = DemoIds.GoldmanSachs.ToString(),
        book = DemoIds.EquitiesNy.ToString(),
        trader = DemoIds.EquityTrader.ToString(),
        tradeDate = "2025-03-14",
    };

    /// <summary>Buy 5m EUR/USD spot from Deutsche Bank into FX-LDN.</summary>
    public static object EurUsdSpot() => new
    {
        instrument = DemoIds.EurUsd.ToString(),
        side = "Buy",
        quantity = 5_000_000m,
        price = 1.0850m,
        counterparty = DemoIds.DeutscheBank.ToString(),
        book = DemoIds.FxLdn.ToString(),
        trader = DemoIds.MacroTrader.ToString(),
        tradeDate = "2025-03-14",
    };

    /// <summary>A booking of BAE Systems, which is on the restricted list.</summary>
    public static object Restricted() => new
    {
        instrument = DemoIds.BaeSystems.ToString(),
        side = "Buy",
        quantity = 100m,
        price = 6.50m,
        counterparty = DemoIds.Barclays.ToString(),
        book = DemoIds.EquitiesLdn.ToString(),
        trader = DemoIds.EquityTrader.ToString(),
        tradeDate = "2025-03-14",
    };

    /// <summary>Sell 85,000 SAP at 246 to Barclays: about 22.7m USD, inside the trader's 25m mandate; two of them pass Barclays' 40m soft limit.</summary>
    public static object LargeBarclays() => new
    {
        instrument = DemoIds.Sap.ToString(),
        side = "Sell",
        quantity = 85_000m,
        price = 246.00m,
        counterparty = DemoIds.Barclays.ToString(),
        book = DemoIds.EquitiesLdn.ToString(),
        trader = DemoIds.EquityTrader.ToString(),
        tradeDate = "2025-03-14",
    };
}
