using System.Collections.Immutable;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.ReferenceData;

/// <summary>A legal entity the bank trades with, identified by its LEI.</summary>
public sealed record Counterparty
{
    /// <summary>Creates a counterparty.</summary>
    /// <exception cref="ReferenceDataException">A field is invalid or an SSI belongs to another counterparty or is duplicated.</exception>
    public Counterparty(CounterpartyId id, string name, bool isActive, CreditLimit creditLimit,
        IEnumerable<StandingSettlementInstruction> ssis)
    {
        ArgumentNullException.ThrowIfNull(ssis);
        var record = $"Counterparty {id}";
        ReferenceDataException.ThrowIf(id.IsDefault, "Counterparty", nameof(Id), "must be a valid LEI");
        Name = ReferenceDataException.RequireText(name, record, nameof(Name));
        ReferenceDataException.ThrowIf(creditLimit is null, record, nameof(CreditLimit), "must be set");
        Id = id;
        IsActive = isActive;
        CreditLimit = creditLimit!;
        Ssis = [.. ssis];
        foreach (var ssi in Ssis)
        {
            ReferenceDataException.ThrowIf(ssi.Counterparty != id, record, nameof(Ssis),
                $"contains an SSI of counterparty {ssi.Counterparty}");
            ReferenceDataException.ThrowIf(Ssis.Count(s => s.Currency == ssi.Currency && s.AssetClass == ssi.AssetClass) > 1,
                record, nameof(Ssis), $"has more than one SSI for {ssi.Currency}/{ssi.AssetClass}");
        }
    }

    /// <summary>The LEI.</summary>
    public CounterpartyId Id { get; }

    /// <summary>The legal name.</summary>
    public string Name { get; }

    /// <summary>False when the bank may no longer trade with it (new bookings are rejected).</summary>
    public bool IsActive { get; }

    /// <summary>The credit limit.</summary>
    public CreditLimit CreditLimit { get; }

    /// <summary>Standing settlement instructions, at most one per currency and asset class.</summary>
    public ImmutableArray<StandingSettlementInstruction> Ssis { get; }

    /// <summary>Finds the SSI for a currency and asset class without allocating.</summary>
    public bool TryGetSsi(Currency currency, AssetClass assetClass, out StandingSettlementInstruction ssi)
    {
        foreach (var candidate in Ssis)
        {
            if (candidate.Currency == currency && candidate.AssetClass == assetClass)
            {
                ssi = candidate;
                return true;
            }
        }

        ssi = null!;
        return false;
    }
}
