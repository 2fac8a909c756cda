using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>
/// A capture's terms found valid against the reference data (<see cref="TradeDecider.TryValidateBooking"/>, its only
/// maker): the economics with the settlement date resolved, the instrument's asset class and the gross notional —
/// everything a <c>TradeBooked</c> holds except what the trade's state decides (its id) and the engine's enrichment. None
/// of it depends on any trade, so a caller with a spare thread may compute it before the command's turn to be decided and
/// hand it in through <see cref="DecisionContext.ValidatedBooking"/>. It names the command and the reference data it was
/// validated for, and the decider takes it only for that very command against that very reference data (validating
/// otherwise): a value built for something else — or a default one — can never book.
/// </summary>
public readonly record struct ValidatedBooking
{
    internal ValidatedBooking(BookTrade command, ReferenceDataSet referenceData, TradeEconomics economics,
        AssetClass assetClass, Money notional)
    {
        Command = command;
        ReferenceData = referenceData;
        Economics = economics;
        AssetClass = assetClass;
        Notional = notional;
    }

    /// <summary>The capture whose terms were validated.</summary>
    public BookTrade Command { get; }

    /// <summary>The reference data they were validated against.</summary>
    public ReferenceDataSet ReferenceData { get; }

    /// <summary>The booking's economics.</summary>
    public TradeEconomics Economics { get; }

    /// <summary>The instrument's asset class.</summary>
    public AssetClass AssetClass { get; }

    /// <summary>Gross consideration in the instrument currency.</summary>
    public Money Notional { get; }

    /// <summary>
    /// True when this is the validation of <paramref name="command"/> against <paramref name="data"/>: the same objects
    /// (two reference compares), never merely equal ones, so nothing but the command itself can pass for it.
    /// </summary>
    internal bool IsFor(BookTrade command, ReferenceDataSet data) =>
        ReferenceEquals(Command, command) && ReferenceEquals(ReferenceData, data);
}
