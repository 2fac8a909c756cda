using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.ReferenceData;

/// <summary>
/// A counterparty credit limit. Exposure above <see cref="Soft"/> books with a warning (the risk
/// officer is alerted); a booking that would take exposure above <see cref="Hard"/> is rejected.
/// </summary>
public sealed record CreditLimit
{
    /// <summary>Creates a limit; both amounts in one currency, 0 &lt;= soft &lt;= hard.</summary>
    /// <exception cref="ReferenceDataException">A field is invalid.</exception>
    public CreditLimit(string limitId, Money hard, Money soft)
    {
        LimitId = ReferenceDataException.RequireText(limitId, "CreditLimit", nameof(LimitId));
        var record = $"CreditLimit {limitId}";
        ReferenceDataException.ThrowIf(hard.Currency.IsDefault || hard.IsNegative, record, nameof(Hard),
            "must be a non-negative amount with a currency");
        ReferenceDataException.ThrowIf(soft.Currency != hard.Currency, record, nameof(Soft),
            $"must be in the hard limit's currency {hard.Currency}, not {soft.Currency}");
        ReferenceDataException.ThrowIf(soft.IsNegative || soft > hard, record, nameof(Soft),
            $"must be between zero and the hard limit {hard}, not {soft}");
        Hard = hard;
        Soft = soft;
    }

    /// <summary>The id exposure is aggregated under (recorded on every booking for traceability).</summary>
    public string LimitId { get; }

    /// <summary>The amount exposure must never exceed.</summary>
    public Money Hard { get; }

    /// <summary>The warning threshold.</summary>
    public Money Soft { get; }

    /// <summary>The limit currency.</summary>
    public Currency Currency => Hard.Currency;
}
