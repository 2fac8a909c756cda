using System.Collections.Immutable;
using TradeFlow.Domain.Events;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.Trades;

/// <summary>Settlement instruction, matching, settlement, fails and maturity.</summary>
public static partial class TradeDecider
{
    private static DecisionResult DecideInstruct(Trade trade, InstructSettlement command, in DecisionContext context)
    {
        var economics = trade.Economics;
        if (!context.ReferenceData.TryGetCounterparty(economics.Counterparty, out var counterparty))
        {
            return Reject(command, trade, RejectionCode.UnknownCounterparty,
                $"counterparty {economics.Counterparty} is not in the reference data", context);
        }

        // FX exchanges two currencies, so both legs need an instruction; a security settles in one.
        Currency[] currencies = economics.Instrument.IsFxPair
            ? [economics.Instrument.Base, economics.Instrument.Quote]
            : [InstrumentCurrency(trade, context.ReferenceData)];
        var accounts = ImmutableArray.CreateBuilder<SettlementAccount>(currencies.Length);
        foreach (var currency in currencies)
        {
            if (!counterparty.TryGetSsi(currency, trade.AssetClass, out var ssi))
            {
                return Reject(command, trade, RejectionCode.MissingSettlementInstruction,
                    $"counterparty {counterparty.Id} has no SSI for {currency} {trade.AssetClass}", context);
            }

            accounts.Add(new SettlementAccount(currency, ssi.Account, ssi.AgentBic));
        }

        return Accept(new SettlementInstructed(trade.Id, command.EffectiveTime, trade.SettlementAttempts + 1,
            accounts.MoveToImmutable()));
    }

    private static DecisionResult DecideMatch(Trade trade, MatchSettlement command, in DecisionContext context) =>
        string.IsNullOrWhiteSpace(command.MatchReference)
            ? Reject(command, trade, RejectionCode.InvalidCommand, "a match needs its reference", context)
            : Accept(new SettlementMatched(trade.Id, command.EffectiveTime, command.MatchReference));

    private static DecisionResult DecideSettle(Trade trade, SettleTrade command, in DecisionContext context) =>
        command.SettledOn < trade.Economics.TradeDate
            ? Reject(command, trade, RejectionCode.InvalidDates,
                $"settlement on {command.SettledOn} is before the trade date {trade.Economics.TradeDate}", context)
            : Accept(new SettlementSettled(trade.Id, command.EffectiveTime, command.SettledOn));

    private static DecisionResult DecideFail(Trade trade, FailSettlement command, in DecisionContext context) =>
        string.IsNullOrWhiteSpace(command.Reason)
            ? Reject(command, trade, RejectionCode.InvalidCommand, "a settlement fail needs a reason", context)
            : Accept(new SettlementFailed(trade.Id, command.EffectiveTime, command.Reason, Math.Max(1, trade.SettlementAttempts)));

    private static DecisionResult DecideMature(Trade trade, MatureTrade command, in DecisionContext context) =>
        trade.AssetClass is AssetClass.GovernmentBond or AssetClass.FxForward
            ? Accept(new TradeMatured(trade.Id, command.EffectiveTime))
            : Reject(command, trade, RejectionCode.NoMaturity, $"{trade.AssetClass} instruments have no maturity", context);

    private static Currency InstrumentCurrency(Trade trade, ReferenceDataSet data) =>
        data.TryGetInstrument(trade.Economics.Instrument, out var instrument) ? instrument.Currency : default;
}
