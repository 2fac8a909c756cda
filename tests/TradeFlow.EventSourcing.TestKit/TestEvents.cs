using System.Text;

namespace TradeFlow.EventSourcing.TestKit;

/// <summary>Builders of <see cref="EventData"/> for the contract suite.</summary>
public static class TestEvents
{
    /// <summary>A fixed recorded time: stores never read the clock, so tests pass their own.</summary>
    public static readonly DateTimeOffset Recorded = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(1));

    /// <summary>An event with a fresh id and a small JSON payload naming <paramref name="label"/>.</summary>
    public static EventData Event(string label = "e", int payloadSize = 0)
    {
        var payload = payloadSize > 0 ? Bytes(payloadSize) : Encoding.UTF8.GetBytes($"{{\"label\":\"{label}\"}}");
        return new EventData(Guid.NewGuid(), "TestEvent", 1, payload, Recorded, Recorded.AddDays(-1));
    }

    /// <summary><paramref name="count"/> fresh events labelled e0, e1, ….</summary>
    public static EventData[] Events(int count, int payloadSize = 0)
    {
        var events = new EventData[count];
        for (var i = 0; i < count; i++)
        {
            events[i] = Event("e" + i, payloadSize);
        }

        return events;
    }

    /// <summary>An event with every optional field set, to check round trips.</summary>
    public static EventData FullyPopulated() =>
        new(Guid.NewGuid(), "TradeBooked", 3, Encoding.UTF8.GetBytes("{\"tradeId\":\"T000000000042\",\"qty\":100}"), Recorded, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.FromHours(-5)))
        {
            CorrelationId = Guid.NewGuid(),
            CausationId = Guid.NewGuid(),
            Source = "FIX:SESSION-ID:MsgSeqNum=42",
            Actor = "trader:jdoe",
            Metadata = new byte[] { 1, 2, 3, 250 },
        };

    /// <summary>Deterministic pseudo-random bytes.</summary>
    public static byte[] Bytes(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Asserts that <paramref name="actual"/> carries exactly <paramref name="expected"/>'s data.</summary>
    public static void AssertSameData(EventData expected, RecordedEvent actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.EventId, actual.EventId);
        Assert.Equal(expected.Type, actual.Type);
        Assert.Equal(expected.SchemaVersion, actual.SchemaVersion);
        Assert.Equal(expected.Payload.ToArray(), actual.Payload.ToArray());
        Assert.Equal(expected.RecordedTime, actual.RecordedTime);
        Assert.Equal(expected.RecordedTime.Offset, actual.RecordedTime.Offset);
        Assert.Equal(expected.EffectiveTime, actual.EffectiveTime);
        Assert.Equal(expected.EffectiveTime.Offset, actual.EffectiveTime.Offset);
        Assert.Equal(expected.CorrelationId, actual.CorrelationId);
        Assert.Equal(expected.CausationId, actual.CausationId);
        Assert.Equal(expected.Source, actual.Source);
        Assert.Equal(expected.Actor, actual.Actor);
        Assert.Equal(expected.Metadata.ToArray(), actual.Metadata.ToArray());
    }

    /// <summary>Drains an async sequence into a list.</summary>
    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }
}
