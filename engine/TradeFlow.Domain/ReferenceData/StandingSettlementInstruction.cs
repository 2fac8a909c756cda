using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.ReferenceData;

/// <summary>
/// Where a counterparty settles one currency and asset class: the account and the settlement
/// agent (by BIC, ISO 9362). The settlement projection attaches it to each obligation.
/// </summary>
public sealed record StandingSettlementInstruction
{
    /// <summary>Creates an SSI.</summary>
    /// <exception cref="ReferenceDataException">A field is invalid (e.g. the agent BIC is malformed).</exception>
    public StandingSettlementInstruction(CounterpartyId counterparty, Currency currency, AssetClass assetClass,
        string account, string agentBic, string? placeOfSettlementBic = null)
    {
        var record = $"SSI {counterparty}/{currency}/{assetClass}";
        ReferenceDataException.ThrowIf(counterparty.IsDefault, record, nameof(Counterparty), "must be set");
        ReferenceDataException.ThrowIf(currency.IsDefault, record, nameof(Currency), "must be set");
        ReferenceDataException.ThrowIf(!Enum.IsDefined(assetClass), record, nameof(AssetClass), "is not a known asset class");
        Account = ReferenceDataException.RequireText(account, record, nameof(Account));
        ReferenceDataException.ThrowIf(!Bic.IsValid(agentBic), record, nameof(AgentBic),
            $"'{agentBic}' is not a BIC (4 letters, 2-letter country, 2 alphanumerics, optional 3-character branch)");
        ReferenceDataException.ThrowIf(placeOfSettlementBic is not null && !Bic.IsValid(placeOfSettlementBic), record,
            nameof(PlaceOfSettlementBic), $"'{placeOfSettlementBic}' is not a BIC");
        Counterparty = counterparty;
        Currency = currency;
        AssetClass = assetClass;
        AgentBic = agentBic;
        PlaceOfSettlementBic = placeOfSettlementBic;
    }

    /// <summary>The counterparty the instruction belongs to.</summary>
    public CounterpartyId Counterparty { get; }

    /// <summary>The settlement currency.</summary>
    public Currency Currency { get; }

    /// <summary>The asset class it applies to.</summary>
    public AssetClass AssetClass { get; }

    /// <summary>The counterparty's cash or securities account at the agent.</summary>
    public string Account { get; }

    /// <summary>The settlement agent's BIC.</summary>
    public string AgentBic { get; }

    /// <summary>The place of settlement (CSD) BIC for securities, if any.</summary>
    public string? PlaceOfSettlementBic { get; }
}
