using TradeFlow.Domain.Events;
using TradeFlow.Domain.Values;
using TradeFlow.EventSourcing;
using TradeFlow.EventSourcing.Serialization;
using TradeFlow.Projections.Runtime;
using TradeFlow.Replay.Folding;

namespace TradeFlow.Replay.Tests;

// The replay's second thread may only change when events are decoded, never which or in what order they are folded.
public class DecodePipelineTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(40_000)]
    public void The_pipeline_folds_exactly_the_events_a_sequential_read_gives_in_the_same_order(int count)
    {
        var recorded = History(count);
        var sequential = new List<ProjectionEvent>();
        foreach (var r in recorded)
        {
            if (ProjectionEvents.TryRead(r, out var e))
            {
                sequential.Add(e);
            }
        }

        var piped = new List<ProjectionEvent>();
        var read = DecodePipeline.Run(recorded, piped.Add, _ => { }, CancellationToken.None);

        Assert.Equal(count, read);
        Assert.Equal(sequential.Select(e => (e.Position, e.EventId, e.Event.TradeId, e.Event.GetType())),
            piped.Select(e => (e.Position, e.EventId, e.Event.TradeId, e.Event.GetType())));
        Assert.True(count < 7 || sequential.Count < count, "the history includes envelopes that are not trade events");
    }

    [Fact]
    public void A_failure_while_reading_reaches_the_folding_thread_with_its_own_exception()
    {
        var failing = History(5_000).Take(3_000).Concat(Throw());

        var ex = Assert.Throws<InvalidDataException>(() => DecodePipeline.Run(failing, _ => { }, _ => { }, CancellationToken.None));

        Assert.Equal("segment rotted", ex.Message);
    }

    [Fact]
    public void A_failure_while_folding_stops_the_reader_and_surfaces()
    {
        var folded = 0;

        Assert.Throws<ArithmeticException>(() => DecodePipeline.Run(History(50_000),
            _ => { if (++folded == 2_000) { throw new ArithmeticException("fold failed"); } }, _ => { }, CancellationToken.None));
        Assert.Equal(2_000, folded);
    }

    private static IEnumerable<RecordedEvent> Throw()
    {
        yield return new InvalidDataException("segment rotted") is var ex ? throw ex : null!;
    }

    // Every seventh envelope is a foreign type the projections skip.
    private static List<RecordedEvent> History(int count)
    {
        var factory = new EventDataFactory(TradeEventSerializer.Instance);
        var events = new List<RecordedEvent>(count);
        for (var i = 1; i <= count; i++)
        {
            var id = TradeId.FromInt64(i);
            var data = i % 7 == 0
                ? new EventData(Guid.NewGuid(), "AdminNote", 1, "{}"u8.ToArray(), At, At)
                : factory.Create(new TradeConfirmed(id, At, "C" + i), new EventContext(Guid.NewGuid(), At.AddSeconds(i), At));
            events.Add(new RecordedEvent("trade-" + id, 0, GlobalPosition.FromInt64(i), data));
        }

        return events;
    }
}
