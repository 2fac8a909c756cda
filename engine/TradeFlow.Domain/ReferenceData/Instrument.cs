using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.ReferenceData;

/// <summary>
/// A tradable instrument. Securities (equities, bonds) are identified by ISIN; FX by currency pair,
/// with prices in quote currency per base unit, so the instrument currency of an FX pair is its quote.
/// </summary>
public sealed record Instrument
{
    /// <summary>Creates an instrument.</summary>
    /// <exception cref="ReferenceDataException">A field is invalid or inconsistent with the asset class.</exception>
    public Instrument(InstrumentId id, string name, AssetClass assetClass, Currency currency,
        int settlementCycleDays, BondTerms? bond = null)
    {
        var record = $"Instrument {id}";
        ReferenceDataException.ThrowIf(id.IsDefault, "Instrument", nameof(Id), "must be set");
        Name = ReferenceDataException.RequireText(name, record, nameof(Name));
        ReferenceDataException.ThrowIf(!Enum.IsDefined(assetClass), record, nameof(AssetClass), "is not a known asset class");
        ReferenceDataException.ThrowIf(currency.IsDefault, record, nameof(Currency), "must be set");
        ReferenceDataException.ThrowIf(settlementCycleDays is < 0 or > 30, record, nameof(SettlementCycleDays),
            $"{settlementCycleDays} is not between 0 and 30 business days");
        var isFx = assetClass is AssetClass.FxSpot or AssetClass.FxForward;
        ReferenceDataException.ThrowIf(isFx != id.IsFxPair, record, nameof(Id),
            isFx ? "of an FX instrument must be a currency pair" : "of a security must be an ISIN");
        ReferenceDataException.ThrowIf(isFx && currency != id.Quote, record, nameof(Currency),
            $"of an FX pair is its quote currency {(isFx ? id.Quote : default)}, not {currency}");
        ReferenceDataException.ThrowIf((assetClass == AssetClass.GovernmentBond) != (bond is not null), record,
            nameof(Bond), assetClass == AssetClass.GovernmentBond ? "terms are required for a bond" : "terms are only for bonds");
        if (bond?.Validate() is { } problem)
        {
            throw new ReferenceDataException(record, nameof(Bond), problem);
        }

        Id = id;
        AssetClass = assetClass;
        Currency = currency;
        SettlementCycleDays = settlementCycleDays;
        Bond = bond;
    }

    /// <summary>ISIN or currency pair.</summary>
    public InstrumentId Id { get; }

    /// <summary>Display name.</summary>
    public string Name { get; }

    /// <summary>The asset class.</summary>
    public AssetClass AssetClass { get; }

    /// <summary>The currency prices and cash amounts are in (the quote currency for FX).</summary>
    public Currency Currency { get; }

    /// <summary>Standard settlement cycle in business days (T+n).</summary>
    public int SettlementCycleDays { get; }

    /// <summary>Coupon terms, for bonds only.</summary>
    public BondTerms? Bond { get; }

    /// <summary>True when the instrument has a maturity after which its trades mature (bonds, FX forwards).</summary>
    public bool HasMaturity => AssetClass is AssetClass.GovernmentBond or AssetClass.FxForward;

    /// <summary>
    /// The consideration before accrued interest, in <see cref="Currency"/>: shares × price,
    /// face × clean price / 100 for bonds, base amount × rate for FX.
    /// </summary>
    public Money GrossAmount(Quantity quantity, Price price)
    {
        var amount = quantity.Times(price);
        return new Money(AssetClass == AssetClass.GovernmentBond ? amount / 100m : amount, Currency);
    }
}
