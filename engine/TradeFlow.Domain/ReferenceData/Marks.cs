using System.Collections.Frozen;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.ReferenceData;

/// <summary>End-of-day marks (valuation prices) per instrument, as of one business date.</summary>
public sealed class Marks
{
    private readonly FrozenDictionary<InstrumentId, Price> _prices;

    /// <summary>Creates the marks.</summary>
    public Marks(BusinessDate asOf, IEnumerable<KeyValuePair<InstrumentId, Price>> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        AsOf = asOf;
        _prices = prices.ToFrozenDictionary();
    }

    /// <summary>No marks.</summary>
    public static Marks Empty { get; } = new(default, []);

    /// <summary>The valuation date.</summary>
    public BusinessDate AsOf { get; }

    /// <summary>The marked instruments.</summary>
    public IEnumerable<InstrumentId> Instruments => _prices.Keys;

    /// <summary>The mark of an instrument, without allocating.</summary>
    public bool TryGetPrice(InstrumentId instrument, out Price price) => _prices.TryGetValue(instrument, out price);
}
