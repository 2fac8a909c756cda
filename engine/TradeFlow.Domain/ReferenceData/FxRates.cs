using System.Collections.Frozen;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.ReferenceData;

/// <summary>
/// FX rates against one base currency (e.g. USD): for each currency, how many units of the base one
/// unit is worth. Any cross rate follows by division (EUR→GBP = value(EUR) / value(GBP)), so one
/// table of N rates answers all N² conversions consistently, with no triangular arbitrage.
/// </summary>
public sealed class FxRates
{
    private readonly FrozenDictionary<Currency, decimal> _valueInBase;

    /// <summary>Creates the table.</summary>
    /// <param name="baseCurrency">The currency every rate is expressed in.</param>
    /// <param name="valueInBase">Units of base per one unit of each currency (EUR → 1.0850 with a USD base).</param>
    /// <exception cref="ReferenceDataException">A rate is not positive, or the base's own rate is not 1.</exception>
    public FxRates(Currency baseCurrency, IEnumerable<KeyValuePair<Currency, decimal>> valueInBase)
    {
        ArgumentNullException.ThrowIfNull(valueInBase);
        ReferenceDataException.ThrowIf(baseCurrency.IsDefault, "FxRates", nameof(BaseCurrency), "must be set");
        var rates = new Dictionary<Currency, decimal> { [baseCurrency] = 1m };
        foreach (var (currency, value) in valueInBase)
        {
            ReferenceDataException.ThrowIf(value <= 0m, $"FxRates {currency}", "Rate", $"{value} must be greater than zero");
            ReferenceDataException.ThrowIf(currency == baseCurrency && value != 1m, $"FxRates {currency}", "Rate",
                "of the base currency must be 1");
            rates[currency] = value;
        }

        BaseCurrency = baseCurrency;
        _valueInBase = rates.ToFrozenDictionary();
    }

    /// <summary>The base currency.</summary>
    public Currency BaseCurrency { get; }

    /// <summary>The currencies with a rate.</summary>
    public IEnumerable<Currency> Currencies => _valueInBase.Keys;

    /// <summary>True when the table has a rate for the currency.</summary>
    public bool Covers(Currency currency) => _valueInBase.ContainsKey(currency);

    /// <summary>Units of <paramref name="to"/> per one unit of <paramref name="from"/> (the cross rate).</summary>
    public bool TryGetRate(Currency from, Currency to, out decimal rate)
    {
        rate = 0m;
        if (!_valueInBase.TryGetValue(from, out var fromValue) || !_valueInBase.TryGetValue(to, out var toValue))
        {
            return false;
        }

        rate = from == to ? 1m : fromValue / toValue;
        return true;
    }

    /// <summary>Converts an amount, unrounded; false when either currency has no rate.</summary>
    public bool TryConvert(Money amount, Currency to, out Money converted)
    {
        var ok = TryGetRate(amount.Currency, to, out var rate);
        converted = ok ? new Money(amount.Amount * rate, to) : default;
        return ok;
    }

    /// <summary>Converts an amount into the base currency, unrounded.</summary>
    public bool TryConvertToBase(Money amount, out Money converted) => TryConvert(amount, BaseCurrency, out converted);
}
