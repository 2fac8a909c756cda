using System.Collections.Frozen;
using TradeFlow.Domain.Values;

namespace TradeFlow.Domain.ReferenceData;

/// <summary>
/// Compliance's restricted list: instruments the bank may not trade (inside information, pending
/// deals, sanctions), each with the reason compliance recorded.
/// </summary>
public sealed class RestrictedList
{
    private readonly FrozenDictionary<InstrumentId, string> _reasons;

    /// <summary>Creates the list from instrument → reason pairs.</summary>
    /// <exception cref="ReferenceDataException">A reason is blank.</exception>
    public RestrictedList(IEnumerable<KeyValuePair<InstrumentId, string>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var reasons = new Dictionary<InstrumentId, string>();
        foreach (var (instrument, reason) in entries)
        {
            reasons[instrument] = ReferenceDataException.RequireText(reason, $"RestrictedList {instrument}", "Reason");
        }

        _reasons = reasons.ToFrozenDictionary();
    }

    /// <summary>An empty list.</summary>
    public static RestrictedList Empty { get; } = new([]);

    /// <summary>The restricted instruments.</summary>
    public IEnumerable<InstrumentId> Instruments => _reasons.Keys;

    /// <summary>True when the instrument is restricted, with compliance's reason, without allocating.</summary>
    public bool IsRestricted(InstrumentId instrument, out string reason)
    {
        var found = _reasons.TryGetValue(instrument, out var r);
        reason = r ?? string.Empty;
        return found;
    }
}
