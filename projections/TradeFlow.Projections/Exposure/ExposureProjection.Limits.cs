using TradeFlow.Domain.Events;
using TradeFlow.Domain.Limits;
using TradeFlow.Domain.ReferenceData;
using TradeFlow.Domain.Values;

namespace TradeFlow.Projections.Exposure;

/// <summary>
/// Credit limits as changed through the admin API: the latest <see cref="CreditLimitChanged"/> of a counterparty is
/// the limit its exposure is measured against, the reference data's otherwise — so an as-of replay before a change
/// shows the old limit, as the engine decided with it then.
/// </summary>
public sealed partial class ExposureProjection
{
    private readonly Dictionary<CounterpartyId, CreditLimit> _limits = [];

    /// <summary>
    /// The credit limit in force for <paramref name="counterparty"/> at this projection's position (the latest
    /// change, else the reference data's); null for an unknown counterparty.
    /// </summary>
    public CreditLimit? LimitOf(CounterpartyId counterparty) =>
        _limits.TryGetValue(counterparty, out var changed) ? changed
        : _referenceData.TryGetCounterparty(counterparty, out var known) ? known.CreditLimit
        : null;

    /// <summary>
    /// The exposure of one counterparty against its limit in force, also when it has no live trade (then every
    /// figure is zero); null for an unknown counterparty.
    /// </summary>
    public CounterpartyExposure? CounterpartyExposureOf(CounterpartyId counterparty) =>
        CounterpartyExposures(counterparty) is [var one, ..] ? one : ExposureOf(counterparty, []);

    private void OnLimitChanged(CreditLimitChanged change) => _limits[change.Counterparty] = CreditLimitDecider.Apply(change);

    private List<LimitInForce>? CaptureLimits() => _limits.Count == 0
        ? null
        : [.. _limits.OrderBy(kv => kv.Key.ToString(), StringComparer.Ordinal)
            .Select(kv => new LimitInForce(kv.Key, kv.Value.LimitId, kv.Value.Hard, kv.Value.Soft))];

    private void RestoreLimits(IReadOnlyList<LimitInForce>? limits)
    {
        foreach (var limit in limits ?? [])
        {
            _limits[limit.Counterparty] = new CreditLimit(limit.LimitId, limit.Hard, limit.Soft);
        }
    }
}
