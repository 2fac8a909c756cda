using TradeFlow.Domain.Values;
using TradeFlow.Engine.Checks;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// What a live trade keeps of its <see cref="ExposureFigures"/>: the limit it counts against, its exposure in the
/// limit's currency and its notional in the base currency — the only figures the state folds, checks and hashes.
/// Stored inline in every <see cref="LiveTrade"/>, so its size is paid once per trade ever booked: as two amounts, one
/// currency and the limit id it is 48 bytes, where the nullable <see cref="ExposureFigures"/> (three
/// <see cref="Money"/> values, the instrument-currency notional included, and a has-value flag) was 88. The default
/// (no limit id) is an unpriced trade.
/// </summary>
internal readonly struct LiveExposure
{
    private LiveExposure(string limitId, decimal exposure, Currency limitCurrency, decimal notionalInBase)
    {
        LimitId = limitId;
        Exposure = exposure;
        LimitCurrency = limitCurrency;
        NotionalInBase = notionalInBase;
    }

    /// <summary>The credit limit the trade counts against; null when reference data could not price it.</summary>
    public string? LimitId { get; }

    /// <summary>The exposure it contributes, in <see cref="LimitCurrency"/>.</summary>
    public decimal Exposure { get; }

    /// <summary>The currency of the limit (and so of <see cref="Exposure"/>).</summary>
    public Currency LimitCurrency { get; }

    /// <summary>The notional in the bank's base currency (the settlement-risk ladder's figure).</summary>
    public decimal NotionalInBase { get; }

    /// <summary>True when the trade was priced (it has a limit and figures).</summary>
    public bool IsPriced => LimitId is not null;

    /// <summary>The figures a live trade keeps; the default (unpriced) for none.</summary>
    public static LiveExposure Of(in ExposureFigures? figures) => figures is { } f
        ? new LiveExposure(f.LimitId, f.Exposure.Amount, f.Exposure.Currency, f.NotionalInBase.Amount)
        : default;
}
