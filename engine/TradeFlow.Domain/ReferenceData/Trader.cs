using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.ReferenceData;

/// <summary>A trader and the mandate that bounds what they may book.</summary>
public sealed record Trader
{
    /// <summary>Creates a trader.</summary>
    /// <exception cref="ReferenceDataException">A field is invalid.</exception>
    public Trader(TraderId id, string name, Mandate mandate, bool isActive = true)
    {
        ReferenceDataException.ThrowIf(id.IsDefault, "Trader", nameof(Id), "must be set");
        Name = ReferenceDataException.RequireText(name, $"Trader {id}", nameof(Name));
        ReferenceDataException.ThrowIf(mandate is null, $"Trader {id}", nameof(Mandate), "must be set");
        Id = id;
        Mandate = mandate!;
        IsActive = isActive;
    }

    /// <summary>The trader code.</summary>
    public TraderId Id { get; }

    /// <summary>Full name.</summary>
    public string Name { get; }

    /// <summary>The trader's mandate.</summary>
    public Mandate Mandate { get; }

    /// <summary>False when the trader may no longer book.</summary>
    public bool IsActive { get; }
}
