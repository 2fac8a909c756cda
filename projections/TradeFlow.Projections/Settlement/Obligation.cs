using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Settlement;

/// <summary>One leg the bank must deliver, receive, pay or be paid.</summary>
/// <param name="TradeId">The trade.</param>
/// <param name="Counterparty">The counterparty.</param>
/// <param name="Book">The book.</param>
/// <param name="Kind">Deliver/receive securities, pay/receive cash.</param>
/// <param name="Instrument">The security, for securities legs; null for cash.</param>
/// <param name="Currency">The cash currency (for a securities leg, the instrument currency).</param>
/// <param name="Amount">Cash amount, or quantity (shares / face) for securities; always positive.</param>
/// <param name="ValueDate">The contractual settlement date.</param>
/// <param name="Account">The counterparty's account from the instruction or SSI, or null when there is none (an exception).</param>
/// <param name="AgentBic">The counterparty's settlement agent, or null.</param>
/// <param name="Status">The trade's settlement status.</param>
public sealed record Obligation(
    TradeId TradeId,
    CounterpartyId Counterparty,
    BookId Book,
    ObligationKind Kind,
    InstrumentId? Instrument,
    Currency Currency,
    decimal Amount,
    BusinessDate ValueDate,
    string? Account,
    string? AgentBic,
    SettlementStatus Status)
{
    /// <summary>True for a cash leg.</summary>
    public bool IsCash => Kind is ObligationKind.PayCash or ObligationKind.ReceiveCash;

    /// <summary>The signed cash flow: receipts positive, payments negative (zero for securities legs).</summary>
    public decimal CashFlow => Kind switch
    {
        ObligationKind.ReceiveCash => Amount,
        ObligationKind.PayCash => -Amount,
        _ => 0m,
    };
}
