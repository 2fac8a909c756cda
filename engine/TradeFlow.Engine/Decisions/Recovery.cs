using System.Diagnostics;
using TradeFlow.Domain.Events;
using TradeFlow.Engine.Journaling;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Serialization;

namespace TradeFlow.Engine.Decisions;

/// <summary>
/// Rebuilds the decision state by reading the whole store in global order and folding every event through
/// the same <see cref="DecisionState.Apply"/> the decide stage uses; the engine metadata on each event restores
/// idempotency (source key → outcome) and the wash-trade window. No snapshot: a full read, measured in
/// docs/benchmarks.md.
/// </summary>
internal static class Recovery
{
    /// <summary>Folds the store into <paramref name="state"/>.</summary>
    /// <exception cref="InvalidDataException">An event does not fit the state built so far (names the stream, version and position).</exception>
    public static RecoveryReport Rebuild(IEventJournal journal, IEventSerializer serializer, DecisionState state)
    {
        var started = Stopwatch.GetTimestamp();
        long events = 0;
        var head = GlobalPosition.Start;
        foreach (var recorded in journal.ReadAll(GlobalPosition.Start, Direction.Forwards))
        {
            try
            {
                ApplyOne(recorded, serializer, state);
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                throw new InvalidDataException($"Recovery failed at {recorded}: {ex.Message}", ex);
            }

            events++;
            head = recorded.Position;
        }

        return new RecoveryReport(events, head, Stopwatch.GetElapsedTime(started));
    }

    private static void ApplyOne(RecordedEvent recorded, IEventSerializer serializer, DecisionState state)
    {
        var evt = (ITradeEvent)serializer.Deserialize(recorded.Type, recorded.SchemaVersion, recorded.Payload.Span);
        var hasMetadata = EventMetadata.TryRead(recorded.Metadata.Span, out var metadata);
        var kind = hasMetadata ? metadata.Kind : evt is TradeRejected r ? r.CommandKind : default;
        state.Apply(evt, recorded.StreamId, kind);
        if (state.TryGetTrade(evt.TradeId, out var live) && string.Equals(live.Stream, recorded.StreamId, StringComparison.Ordinal)
            && live.Version - 1 != recorded.StreamVersion)
        {
            throw new InvalidOperationException(
                $"trade {evt.TradeId} is at version {live.Version - 1} after this event, but the stream says {recorded.StreamVersion}");
        }

        if (evt is CreditLimitChanged change && state.Limits.StreamVersionOf(change.Counterparty) != recorded.StreamVersion)
        {
            throw new InvalidOperationException(
                $"the credit limit of {change.Counterparty} is at version {state.Limits.StreamVersionOf(change.Counterparty)} after this event, but the stream says {recorded.StreamVersion}");
        }

        var sourceKey = hasMetadata ? metadata.SourceKey : (evt as TradeRejected)?.SourceKey ?? (evt as CreditLimitChangeRejected)?.SourceKey;
        if (sourceKey is not null && (!hasMetadata || metadata.Index == 0))
        {
            var outcome = evt switch
            {
                TradeRejected rejected => CommandOutcome.Rejected(rejected.TradeId, rejected.Reasons, metadata.Warnings),
                CreditLimitChangeRejected refused => CommandOutcome.Rejected(default, refused.Reasons, metadata.Warnings),
                _ => CommandOutcome.Accepted(evt.TradeId, metadata.Warnings),
            };
            state.RecordOutcome(sourceKey, outcome);
        }
    }
}
