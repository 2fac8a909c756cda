using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Settlement;

/// <summary>
/// How a trade becomes obligations (docs/settlement.md): a security settles delivery-versus-payment
/// (securities one way, clean consideration + accrued interest the other); FX exchanges the base amount
/// against the quote amount. The account is the one instructed, else the counterparty's SSI for the
/// currency and asset class; without either the obligation carries no account and is an exception.
/// </summary>
public static class SettlementRules
{
    /// <summary>The trade's obligations (two legs), or none once it is closed.</summary>
    public static IReadOnlyList<Obligation> ObligationsOf(SettlementTrade trade, ReferenceDataSet referenceData)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(referenceData);
        if (trade.Status == SettlementStatus.Closed)
        {
            return [];
        }

        var e = trade.Economics;
        var buy = e.Side == Side.Buy;
        if (trade.IsFx)
        {
            var baseAmount = decimal.Round(e.Quantity.Value, e.Instrument.Base.MinorUnits, MidpointRounding.AwayFromZero);
            return
            [
                Leg(trade, buy ? ObligationKind.ReceiveCash : ObligationKind.PayCash, null, e.Instrument.Base, baseAmount, referenceData),
                Leg(trade, buy ? ObligationKind.PayCash : ObligationKind.ReceiveCash, null, e.Instrument.Quote,
                    trade.Notional.Round().Amount, referenceData),
            ];
        }

        var currency = trade.Notional.Currency;
        return
        [
            Leg(trade, buy ? ObligationKind.ReceiveSecurities : ObligationKind.DeliverSecurities, e.Instrument, currency,
                e.Quantity.Value, referenceData),
            Leg(trade, buy ? ObligationKind.PayCash : ObligationKind.ReceiveCash, null, currency,
                trade.Notional.Round().Amount + trade.AccruedInterest, referenceData),
        ];
    }

    /// <summary>Why the trade cannot be instructed in a currency, or null when it has an account for it.</summary>
    public static string? MissingInstruction(SettlementTrade trade, Currency currency, ReferenceDataSet referenceData)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(referenceData);
        var (account, _) = AccountFor(trade, currency, referenceData);
        if (account is not null)
        {
            return null;
        }

        return referenceData.TryGetCounterparty(trade.Economics.Counterparty, out _)
            ? $"counterparty {trade.Economics.Counterparty} has no SSI for {currency} {trade.AssetClass}"
            : $"counterparty {trade.Economics.Counterparty} is not in the reference data";
    }

    private static Obligation Leg(SettlementTrade trade, ObligationKind kind, InstrumentId? instrument, Currency currency,
        decimal amount, ReferenceDataSet referenceData)
    {
        var (account, agent) = AccountFor(trade, currency, referenceData);
        var e = trade.Economics;
        return new Obligation(trade.TradeId, e.Counterparty, e.Book, kind, instrument, currency, amount, e.SettlementDate,
            account, agent, trade.Status);
    }

    private static (string? Account, string? AgentBic) AccountFor(SettlementTrade trade, Currency currency, ReferenceDataSet data)
    {
        foreach (var instructed in trade.InstructedAccounts)
        {
            if (instructed.Currency == currency)
            {
                return (instructed.Account, instructed.AgentBic);
            }
        }

        return data.TryGetCounterparty(trade.Economics.Counterparty, out var counterparty)
               && counterparty.TryGetSsi(currency, trade.AssetClass, out var ssi)
            ? (ssi.Account, ssi.AgentBic)
            : (null, null);
    }
}
