using TradeFlow.Domain.Values;

namespace TradeFlow.Testing.Builders;

/// <summary>
/// Identifiers of the demo reference data. The LEIs and equity ISINs are the entities' published
/// codes (their check digits validate); the bond ISINs carry valid check digits and illustrative terms.
/// </summary>
public static class DemoIds
{
    /// <summary>Goldman Sachs Group, Inc.</summary>
    public static readonly CounterpartyId GoldmanSachs = CounterpartyId.Parse("784F5XWPLTWKTBV3E584");

    /// <summary>Deutsche Bank AG.</summary>
    public static readonly CounterpartyId DeutscheBank = CounterpartyId.Parse("7LTWFZYICNSX8D621K86");

    /// <summary>Barclays Bank PLC.</summary>
    public static readonly CounterpartyId Barclays = CounterpartyId.Parse("G5GSEF7VJP5I7OUK5573");

    /// <summary>BNP Paribas; inactive in the demo set.</summary>
    public static readonly CounterpartyId BnpParibas = CounterpartyId.Parse("R0MUWSFPU8MPRO8K5P83");

    /// <summary>Apple Inc. common stock.</summary>
    public static readonly InstrumentId Apple = InstrumentId.Parse("US0378331005");

    /// <summary>SAP SE ordinary shares.</summary>
    public static readonly InstrumentId Sap = InstrumentId.Parse("DE0007164600");

    /// <summary>BAE Systems plc ordinary shares; on the demo restricted list.</summary>
    public static readonly InstrumentId BaeSystems = InstrumentId.Parse("GB0002634946");

    /// <summary>US Treasury note, 4.25 % semi-annual, maturing 2034-11-15.</summary>
    public static readonly InstrumentId Ust2034 = InstrumentId.Parse("US91282CLW90");

    /// <summary>German Bund, 2.6 % annual, maturing 2034-08-15 (illustrative terms).</summary>
    public static readonly InstrumentId Bund2034 = InstrumentId.Parse("DE0001102614");

    /// <summary>EUR/USD spot.</summary>
    public static readonly InstrumentId EurUsd = InstrumentId.Parse("EUR/USD");

    /// <summary>GBP/USD spot.</summary>
    public static readonly InstrumentId GbpUsd = InstrumentId.Parse("GBP/USD");

    /// <summary>EUR/GBP outright forwards (an FX forward instrument keyed by its pair).</summary>
    public static readonly InstrumentId EurGbp = InstrumentId.Parse("EUR/GBP");

    /// <summary>US equities book.</summary>
    public static readonly BookId EquitiesNy = BookId.Parse("EQ-NY");

    /// <summary>European equities book.</summary>
    public static readonly BookId EquitiesLdn = BookId.Parse("EQ-LDN");

    /// <summary>FX book.</summary>
    public static readonly BookId FxLdn = BookId.Parse("FX-LDN");

    /// <summary>Rates (government bonds) book.</summary>
    public static readonly BookId RatesLdn = BookId.Parse("RATES-LDN");

    /// <summary>A closed book.</summary>
    public static readonly BookId ClosedBook = BookId.Parse("OLD-PROP");

    /// <summary>Equities trader.</summary>
    public static readonly TraderId EquityTrader = TraderId.Parse("JSMITH");

    /// <summary>FX and rates trader.</summary>
    public static readonly TraderId MacroTrader = TraderId.Parse("AKUMAR");
}
