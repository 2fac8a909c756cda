using System.Globalization;
using TradeFlow.Domain.Calendars;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.ReferenceData;

/// <summary>How each reference-data record maps from JSON to the domain's types (field names in camelCase).</summary>
internal static class ReferenceDataMapping
{
    public static Counterparty Counterparty(JsonRecord json)
    {
        var id = json.Parse("id", CounterpartyId.Parse);
        var limit = json.Object("creditLimit");
        var creditLimit = new CreditLimit(limit.Text("id"), limit.Parse("hard", Money.Parse), limit.Parse("soft", Money.Parse));
        var ssis = json.Array("ssis", (element, path) => Ssi(new JsonRecord(json.File, json.Record, element, path), id));
        return new Counterparty(id, json.Text("name"), json.Flag("active", defaultValue: true), creditLimit, ssis);
    }

    public static Instrument Instrument(JsonRecord json)
    {
        var bond = json.OptionalObject("bond") is { } terms
            ? new BondTerms(terms.Number("couponRate"), terms.Integer("couponFrequency"), terms.Enum<Domain.DayCounts.DayCountConvention>("dayCount"),
                terms.Parse("issueDate", BusinessDate.Parse), terms.Parse("maturityDate", BusinessDate.Parse))
            : null;
        return new Instrument(json.Parse("id", InstrumentId.Parse), json.Text("name"), json.Enum<AssetClass>("assetClass"),
            json.Parse("currency", Currency.Parse), json.Integer("settlementCycleDays"), bond);
    }

    public static Book Book(JsonRecord json) =>
        new(json.Parse("id", BookId.Parse), json.Text("name"), json.Flag("active", defaultValue: true));

    public static Trader Trader(JsonRecord json)
    {
        var mandate = json.Object("mandate");
        return new Trader(json.Parse("id", TraderId.Parse), json.Text("name"),
            new Mandate(
                mandate.Array("books", (e, path) => mandate.ParseText(path, e.GetString() ?? string.Empty, BookId.Parse)),
                mandate.Array("assetClasses", (e, path) => mandate.ParseText(path, e.GetString() ?? string.Empty, ParseAssetClass)),
                mandate.Parse("maxNotional", Money.Parse)),
            json.Flag("active", defaultValue: true));
    }

    public static Dictionary<Currency, HolidayCalendar> Calendars(JsonRecord json)
    {
        var calendars = new Dictionary<Currency, HolidayCalendar>();
        foreach (var (code, value, path) in json.Properties("calendars"))
        {
            var currency = json.ParseText(path, code, Currency.Parse);
            var calendar = new JsonRecord(json.File, $"calendar {code}", value, path);
            calendars[currency] = new HolidayCalendar(calendar.Text("name"),
                calendar.Array("holidays", (e, p) => calendar.ParseText(p, e.GetString() ?? string.Empty, BusinessDate.Parse)));
        }

        return calendars;
    }

    public static FxRates FxRates(JsonRecord json)
    {
        var rates = new Dictionary<Currency, decimal>();
        foreach (var (code, value, path) in json.Properties("valueInBase"))
        {
            rates[json.ParseText(path, code, Currency.Parse)] = json.ParseText(path, value.GetRawText(), ParseDecimal);
        }

        return new FxRates(json.Parse("baseCurrency", Currency.Parse), rates);
    }

    public static Marks Marks(JsonRecord json)
    {
        var prices = new Dictionary<InstrumentId, Price>();
        foreach (var (id, value, path) in json.Properties("prices"))
        {
            prices[json.ParseText(path, id, InstrumentId.Parse)] = json.ParseText(path, value.GetRawText(), raw => Price.Of(ParseDecimal(raw)));
        }

        return new Marks(json.Parse("asOf", BusinessDate.Parse), prices);
    }

    public static KeyValuePair<InstrumentId, string> Restriction(JsonRecord json) =>
        new(json.Parse("id", InstrumentId.Parse), json.Text("reason"));

    private static StandingSettlementInstruction Ssi(JsonRecord json, CounterpartyId counterparty) =>
        new(counterparty, json.Parse("currency", Currency.Parse), json.Enum<AssetClass>("assetClass"), json.Text("account"),
            json.Text("agentBic"), json.OptionalText("placeOfSettlementBic"));

    // A JSON number's raw text; a quoted number or anything else fails with the field named.
    private static decimal ParseDecimal(string raw) => decimal.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static AssetClass ParseAssetClass(string text) =>
        Enum.TryParse<AssetClass>(text, out var value) && Enum.IsDefined(value)
            ? value
            : throw new FormatException($"not one of {string.Join(", ", Enum.GetNames<AssetClass>())}");
}
