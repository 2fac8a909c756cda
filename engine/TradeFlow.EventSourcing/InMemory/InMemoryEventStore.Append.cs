using TradeFlow.EventSourcing.Storage;

namespace TradeFlow.EventSourcing.InMemory;

public sealed partial class InMemoryEventStore
{
    // Called under _gate: applies AppendRule; true unless the append conflicts.
    private bool Decide(in StreamAppend append, out AppendResult result)
    {
        _streams.TryGetValue(append.Stream, out var events);
        var current = events is null ? StreamVersion.None : events.Count - 1;
        var ids = new ListIds(events);
        var decision = AppendRule.Decide(append.Expected, current, append.Events.Span, ref ids, out var lastVersion);
        switch (decision)
        {
            case AppendDecisionKind.Conflict:
                result = AppendResult.WrongExpectedVersion(append.Stream, append.Expected, current);
                return false;
            case AppendDecisionKind.AlreadyWritten:
                result = AppendResult.Success(append.Stream, append.Expected, lastVersion, events![(int)lastVersion].Position, alreadyWritten: true);
                return true;
            default:
                // An empty append reports the head; a write overwrites this in the second phase.
                result = AppendResult.Success(append.Stream, append.Expected, current, HeadPosition);
                return true;
        }
    }

    // Called under _gate after every stream's decision was Write or AlreadyWritten.
    private AppendResult Write(in StreamAppend append)
    {
        if (!_streams.TryGetValue(append.Stream, out var events))
        {
            events = [];
            _streams.Add(append.Stream, events);
        }

        RecordedEvent? last = null;
        foreach (var data in append.Events.Span)
        {
            last = new RecordedEvent(append.Stream, events.Count, GlobalPosition.FromInt64(_all.Count + 1L), Copy(data));
            events.Add(last);
            _all.Add(last);
        }

        return AppendResult.Success(append.Stream, append.Expected, last!.StreamVersion, last.Position);
    }

    // The caller may reuse its buffers once the append returns, so keep our own bytes.
    private static EventData Copy(in EventData data) =>
        new(data.EventId, data.Type, data.SchemaVersion, data.Payload.ToArray(), data.RecordedTime, data.EffectiveTime)
        {
            CorrelationId = data.CorrelationId,
            CausationId = data.CausationId,
            Source = data.Source,
            Actor = data.Actor,
            Metadata = data.Metadata.IsEmpty ? ReadOnlyMemory<byte>.Empty : data.Metadata.ToArray(),
        };

    private static RecordedEvent[] Slice(List<RecordedEvent> source, ReadRange range)
    {
        var slice = new RecordedEvent[range.Count];
        for (var i = 0; i < slice.Length; i++)
        {
            slice[i] = source[(int)(range.First + (i * range.Step))];
        }

        return slice;
    }

    private readonly struct ListIds(List<RecordedEvent>? events) : IStreamEventIds
    {
        public Guid EventIdAt(long version) => events![(int)version].EventId;
    }
}
