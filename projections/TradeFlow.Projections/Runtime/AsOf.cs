using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;

namespace TradeFlow.Projections.Runtime;

/// <summary>
/// Which part of history a view folds, on both time axes. <see cref="UpTo"/> and <see cref="KnownAt"/>
/// cut the record axis ("as the bank knew it then"); <see cref="EffectiveAt"/> cuts the business axis
/// ("what was true on that date"). They combine: a back-dated amendment recorded today is in last
/// week's effective view as known now, but not in last week's view as known last week.
/// </summary>
/// <param name="UpTo">The last global position folded (inclusive); <see cref="GlobalPosition.End"/> for everything.</param>
/// <param name="KnownAt">Only events recorded at or before this instant, or null for no cut.</param>
/// <param name="EffectiveAt">Only events effective at or before this instant, or null for no cut.</param>
public readonly record struct AsOf(GlobalPosition UpTo, DateTimeOffset? KnownAt = null, DateTimeOffset? EffectiveAt = null)
{
    /// <summary>Everything recorded so far.</summary>
    public static AsOf Latest => new(GlobalPosition.End);

    /// <summary>The state a live run had right after applying <paramref name="position"/>.</summary>
    public static AsOf AtPosition(GlobalPosition position) => new(position);

    /// <summary>The state as the bank knew it at <paramref name="recordedTime"/>.</summary>
    public static AsOf AsKnownAt(DateTimeOffset recordedTime) => new(GlobalPosition.End, recordedTime);

    /// <summary>This view restricted to facts effective by the end of <paramref name="date"/> (UTC).</summary>
    public AsOf EffectiveOn(BusinessDate date) =>
        this with { EffectiveAt = new DateTimeOffset(date.AddDays(1).ToDateOnly(), TimeOnly.MinValue, TimeSpan.Zero).AddTicks(-1) };

    /// <summary>True when the view folds <paramref name="e"/>.</summary>
    public bool Includes(in ProjectionEvent e) =>
        e.Position <= UpTo
        && (KnownAt is not { } known || e.RecordedTime <= known)
        && (EffectiveAt is not { } effective || e.EffectiveTime <= effective);
}
