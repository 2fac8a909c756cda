using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.Projections.Runtime;

namespace TradeFlow.Projections.Queries;

/// <summary>
/// Which history a query reads: the live state (all null), or a replay cut at a global position and/or a
/// recorded time ("as the bank knew it"), optionally restricted to facts effective by a business date.
/// </summary>
/// <param name="AtPosition">Fold up to and including this global position.</param>
/// <param name="KnownAt">Fold only events recorded at or before this instant.</param>
/// <param name="EffectiveOn">Fold only events effective by the end of this date (UTC).</param>
public sealed record HistoryView(long? AtPosition = null, DateTimeOffset? KnownAt = null, BusinessDate? EffectiveOn = null)
{
    /// <summary>The live state.</summary>
    public static HistoryView Live { get; } = new();

    /// <summary>True for the live state (no cut on either axis).</summary>
    public bool IsLive => AtPosition is null && KnownAt is null && EffectiveOn is null;

    /// <summary>The replay bounds.</summary>
    public AsOf ToAsOf()
    {
        var asOf = new AsOf(AtPosition is { } p ? GlobalPosition.FromInt64(p) : GlobalPosition.End, KnownAt);
        return EffectiveOn is { } date ? asOf.EffectiveOn(date) : asOf;
    }
}
