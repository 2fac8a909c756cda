using TradeFlow.Domain.Events;
using TradeFlow.Domain.Limits;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// The credit limits in force where an admin changed them (<see cref="CreditLimitChanged"/>), each with the version
/// of its <c>limit-{LEI}</c> stream; a counterparty never changed has the reference data's limit. Part of the
/// decision state, so recovery rebuilds it and the state hash covers it.
/// </summary>
internal sealed class CreditLimits
{
    private readonly Dictionary<CounterpartyId, Entry> _changed = [];

    /// <summary>The changed limits (for the state hash).</summary>
    public IEnumerable<KeyValuePair<CounterpartyId, Entry>> Changed => _changed;

    /// <summary>The limit in force for <paramref name="counterparty"/>: the latest change, else the reference data's.</summary>
    public CreditLimit Of(Counterparty counterparty) =>
        _changed.TryGetValue(counterparty.Id, out var entry) ? entry.Limit : counterparty.CreditLimit;

    /// <summary>The last version of the counterparty's limit stream, or null when it has none.</summary>
    public long? StreamVersionOf(CounterpartyId counterparty) =>
        _changed.TryGetValue(counterparty, out var entry) ? entry.Version : null;

    /// <summary>Folds a change (the next event of its stream).</summary>
    public void Apply(CreditLimitChanged change)
    {
        var version = _changed.TryGetValue(change.Counterparty, out var previous) ? previous.Version + 1 : 0;
        _changed[change.Counterparty] = new Entry(CreditLimitDecider.Apply(change), version);
    }

    /// <summary>A changed limit and the version of its stream's last event.</summary>
    /// <param name="Limit">The limit in force.</param>
    /// <param name="Version">The 0-based version of the last <see cref="CreditLimitChanged"/> on its stream.</param>
    internal readonly record struct Entry(CreditLimit Limit, long Version);
}
